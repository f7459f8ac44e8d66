// ProxyObject.h: proxy exotic objects (10.5). The runtime's call/construct/own_property_keys/
// is_array dispatch here for ClassId::Proxy.
#pragma once

#include "runtime/Object.h"

#include <span>

namespace qjs {

class ProxyObject : public Object {
  public:
    Value m_target;  // [[ProxyTarget]] (null once revoked)
    Value m_handler; // [[ProxyHandler]] (null once revoked)
};

Result<Vector<Atom>> proxy_own_keys(Context&, Object* proxy);
Value proxy_call(Context&, Object* proxy, const Value& this_value, std::span<const Value> args);
Value proxy_construct(Context&, Object* proxy, std::span<const Value> args, const Value& new_target);
Result<bool> proxy_is_array(Context&, Object* proxy);

} // namespace qjs
