// 28.2 Proxy Objects: the Proxy constructor and Proxy.revocable.
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/ProxyObject.h"

namespace qjs {

void register_proxy_class();

namespace {

ProxyObject* as_proxy(Object* o) {
    return static_cast<ProxyObject*>(o);
}

// 28.2.1.1 Proxy ( target, handler ) via ProxyCreate (#sec-proxycreate)
Value proxy_create(Context& ctx, const Value& target, const Value& handler) {
    // 1-2. Target and handler must be objects.
    if (!target.is_object() || !handler.is_object())
        return ctx.throw_type_error("Proxy target and handler must be objects");
    auto* p = Object::create_as<ProxyObject>(ctx, nullptr, ClassId::Proxy);
    if (!p) return Exception{};
    p->m_target = target;
    p->m_handler = handler;
    // 5-6. [[Call]] / [[Construct]] when the target has them.
    uint8_t callable = target.as_object()->m_flags & (objflag::Callable | objflag::Constructor);
    p->m_flags |= callable;
    return Value::adopt(Tag::Object, p);
}

Value proxy_constructor(Context& ctx, const CallArgs& args) {
    if (!args.is_construct()) return ctx.throw_type_error("Constructor Proxy requires 'new'");
    return proxy_create(ctx, args.arg(0), args.arg(1));
}

// The revoke function of Proxy.revocable: data slot 0 holds the proxy until revoked.
Value proxy_revoke(Context&, const CallArgs& args) {
    auto* f = static_cast<NativeFunctionObject*>(args.callee);
    Value p = std::move(f->data()[0]);
    f->data()[0] = Value::null();
    if (p.is_object()) {
        as_proxy(p.as_object())->m_target = Value::null();
        as_proxy(p.as_object())->m_handler = Value::null();
    }
    return Value();
}

// 28.2.2.1 Proxy.revocable ( target, handler )
Value proxy_revocable(Context& ctx, const CallArgs& args) {
    Value p = TRY(proxy_create(ctx, args.arg(0), args.arg(1)));
    Value revoker = TRY(new_native_function(ctx, proxy_revoke, atoms::empty_string, 0, 0, 1));
    static_cast<NativeFunctionObject*>(revoker.as_object())->data()[0] = p;
    Value result = TRY(new_object(ctx));
    TRY(create_data_property_or_throw(ctx, result.as_object(), ctx.rt().intern_ascii("proxy"), p));
    TRY(create_data_property_or_throw(ctx, result.as_object(), ctx.rt().intern_ascii("revoke"), revoker));
    return result;
}

const FunctionListEntry kProxyFunctions[] = {
    QJS_FUNC("revocable", 2, proxy_revocable),
};

} // namespace

bool install_proxy(Context& ctx) {
    register_proxy_class();
    register_native(proxy_revoke, "ProxyRevoke"); // created at run time: an id fixed at realm creation
    Atom name = ctx.rt().intern_ascii("Proxy");
    if (!name) return ctx.throw_out_of_memory(), false;
    Value ctor = new_native_function(ctx, proxy_constructor, name, 2, 0, 0, true);
    if (ctor.is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::Proxy, ctor.as_object());
    if (!define_function_list(ctx, ctor.as_object(), kProxyFunctions)) return false;
    return !put_own_data(ctx, ctx.global_object(), name, ctor, prop::Writable | prop::Configurable)
                .is_exception();
}

} // namespace qjs
