// PropertyDescriptors.h: the descriptor conversions (6.2.6.4, 6.2.6.5), defined in
// ObjectConstructor.cpp and shared with Reflect and Proxy.
#pragma once

#include "runtime/Object.h"

namespace qjs {

// FromPropertyDescriptor; `present` false stands for a Desc of undefined.
Value from_property_descriptor(Context&, const PropertyDescriptor&, bool present);
Result<PropertyDescriptor> to_property_descriptor(Context&, const Value&);

} // namespace qjs
