// qjs/Class.h: C++ classes as JS classes whose objects own a C++ object (the opaque pointer).
//
//   qjspp::ClassBuilder<Point>(ctx, "Point")
//       .constructor([](double x, double y) { return std::make_unique<Point>(x, y); })
//       .method("norm", [](Point& p) { return p.norm(); })
//       .accessor("x", [](Point& p) { return p.x; }, [](Point& p, double x) { p.x = x; })
//       .build();   // Result<Value>: the constructor, its prototype is the class prototype
//
// Each C++ type T gets one class id per process (JS_NewClassID) and is registered per runtime on first
// build; its finalizer deletes the T when the object dies (or at runtime teardown). Methods and accessors
// take `T&` first (a TypeError when `this` is not a T); the other parameters convert as in qjs/Function.h.
// std::unique_ptr<T> converts to a new JS object of the class (the object owns the T), and T* converts
// from one (borrowed: valid while the object lives), so functions can take and return host objects.
// A constructor callable returns std::unique_ptr<T> or Result<std::unique_ptr<T>>.
//
// Heap snapshots: objects of T are saved only when the builder was given .snapshot(write, read):
//   write(const T&, qjspp::SnapshotOut&) -> bool (false refuses the snapshot),
//   read(qjspp::SnapshotIn&) -> std::unique_ptr<T> (null fails the restore).
// The class is found again by its name, its methods by their binding keys (qjs/Function.h). In the
// restoring process the host runs the same builder on the new runtime, ending in rebind() instead of
// build(), before JS_RestoreSnapshot: that registers the class, its hooks and its members' callables.
// The restored realm keeps the class prototype (JS_SetClassProto), so wrap() and std::unique_ptr<T>
// results get it as before.
#ifndef QJS_CLASS_H
#define QJS_CLASS_H

#include "qjs/Function.h"

#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace qjspp {

// The stream of a C++ object's snapshot data (ClassBuilder::snapshot).
class SnapshotOut {
  public:
    explicit SnapshotOut(JSSnapshotWriter* w) : m_w(w) {}
    void u64(uint64_t v) { JS_SnapshotWriteU64(m_w, v); }
    void f64(double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        JS_SnapshotWriteU64(m_w, bits);
    }
    void string(std::string_view s) { JS_SnapshotWriteBytes(m_w, s.data(), s.size()); }

  private:
    JSSnapshotWriter* m_w;
};

// Reads what SnapshotOut wrote, in the same order; each returns false when the data is malformed.
class SnapshotIn {
  public:
    explicit SnapshotIn(JSSnapshotReader* r) : m_r(r) {}
    bool u64(uint64_t& v) { return JS_SnapshotReadU64(m_r, &v) == 0; }
    bool f64(double& v) {
        uint64_t bits;
        if (!u64(bits)) return false;
        std::memcpy(&v, &bits, sizeof v);
        return true;
    }
    bool string(std::string& s) {
        const uint8_t* data = nullptr;
        size_t len = 0;
        if (JS_SnapshotReadBytes(m_r, &data, &len) < 0) return false;
        s.assign(reinterpret_cast<const char*>(data), len);
        return true;
    }
    // Makes the restore fail with `reason` (when read then returns null).
    void fail(const std::string& reason) { JS_SnapshotReaderFail(m_r, reason.c_str()); }

  private:
    JSSnapshotReader* m_r;
};

template <class T> struct ClassId {
    static JSClassID get() {
        static JSClassID id = 0;
        if (id == 0) JS_NewClassID(&id);
        return id;
    }
    static bool registered(JSContext* ctx) { return JS_IsRegisteredClass(JS_GetRuntime(ctx), get()); }
};

template <class T> struct Convert<std::unique_ptr<T>, std::enable_if_t<std::is_class_v<T>>> {
    static JSValue to_js(JSContext* ctx, std::unique_ptr<T>&& p) {
        if (!p) return JS_NULL;
        if (!ClassId<T>::registered(ctx)) return JS_ThrowTypeError(ctx, "C++ class is not registered");
        JSValue obj = JS_NewObjectClass(ctx, static_cast<int>(ClassId<T>::get()));
        if (JS_IsException(obj)) return obj; // p deletes the object
        JS_SetOpaque(obj, p.release());
        return obj;
    }
};

template <class T> struct Convert<T*, std::enable_if_t<std::is_class_v<T>>> {
    static Result<T*> from_js(JSContext* ctx, JSValueConst v) {
        auto* p = static_cast<T*>(JS_GetOpaque2(ctx, v, ClassId<T>::get()));
        if (!p) return Exception::take_pending(ctx);
        return p;
    }
};

// A new JS object of T's class owning `p`.
template <class T> Result<Value> wrap(JSContext* ctx, std::unique_ptr<T> p) {
    return detail::checked(ctx, Convert<std::unique_ptr<T>>::to_js(ctx, std::move(p)));
}
// The T of a JS object of T's class, or nullptr.
template <class T> T* unwrap(const Value& v) {
    return static_cast<T*>(JS_GetOpaque(v.get(), ClassId<T>::get()));
}

namespace detail {

// f(T& self, args...) with self = this.
template <class T, class F> class MethodCallable final : public CallableBase {
  public:
    explicit MethodCallable(F f) : m_f(std::move(f)) {}
    JSValue call(const CallInfo& call) override {
        auto* self = static_cast<T*>(JS_GetOpaque2(call.ctx, call.this_value, ClassId<T>::get()));
        if (!self) return JS_EXCEPTION;
        using Params = typename TupleTail<typename CallableTraits<F>::Params>::type;
        return Invoker<Params>::run(call, m_f, *self);
    }

  private:
    F m_f;
};

// The constructor: `this` is new.target; the result object gets new.target.prototype (subclasses).
template <class T, class F> class ConstructorCallable final : public CallableBase {
  public:
    explicit ConstructorCallable(F f) : m_f(std::move(f)) {}
    JSValue call(const CallInfo& call) override {
        JSContext* ctx = call.ctx;
        if (!JS_IsFunction(ctx, call.this_value)) return JS_ThrowTypeError(ctx, "constructor requires 'new'");
        JSValue proto = JS_GetPropertyStr(ctx, call.this_value, "prototype");
        if (JS_IsException(proto)) return proto;
        JSValue obj = Invoker<typename CallableTraits<F>::Params>::run(call, m_f);
        if (!JS_IsException(obj) && JS_IsObject(proto) && JS_SetPrototype(ctx, obj, proto) < 0) {
            JS_FreeValue(ctx, obj);
            obj = JS_EXCEPTION;
        }
        JS_FreeValue(ctx, proto);
        return obj;
    }

  private:
    F m_f;
};

template <class T> void class_finalizer(JSRuntime*, JSValue val) {
    delete static_cast<T*>(JS_GetOpaque(val, ClassId<T>::get()));
}

// T's snapshot callbacks, the class's per-runtime snapshot data.
template <class T> struct ClassSnapshot {
    std::function<bool(const T&, SnapshotOut&)> write;
    std::function<std::unique_ptr<T>(SnapshotIn&)> read;
};

template <class T> void free_class_snapshot(JSRuntime*, void* p) {
    delete static_cast<ClassSnapshot<T>*>(p);
}

template <class T> int class_snapshot_write(JSRuntime* rt, JSValueConst, void* opaque, JSSnapshotWriter* w) {
    auto* hooks = static_cast<ClassSnapshot<T>*>(JS_GetClassSnapshotOpaque(rt, ClassId<T>::get()));
    if (!hooks || !opaque) {
        JS_SnapshotWriterRefuse(w, "no C++ object");
        return -1;
    }
    SnapshotOut out(w);
    if (!hooks->write(*static_cast<const T*>(opaque), out)) {
        JS_SnapshotWriterRefuse(w, "its snapshot callback refused");
        return -1;
    }
    return 0;
}

template <class T> int class_snapshot_read(JSRuntime* rt, JSSnapshotReader* r, void** popaque) {
    auto* hooks = static_cast<ClassSnapshot<T>*>(JS_GetClassSnapshotOpaque(rt, ClassId<T>::get()));
    if (!hooks) return -1;
    SnapshotIn in(r);
    std::unique_ptr<T> p = hooks->read(in);
    if (!p) return -1;
    *popaque = p.release();
    return 0;
}

} // namespace detail

template <class T> class ClassBuilder {
  public:
    ClassBuilder(JSContext* ctx, std::string name)
        : m_ctx(ctx), m_rt(JS_GetRuntime(ctx)), m_name(std::move(name)) {}
    // For rebind() in a runtime about to be restored from a snapshot (build() needs a context).
    ClassBuilder(JSRuntime* rt, std::string name) : m_ctx(nullptr), m_rt(rt), m_name(std::move(name)) {}
    ~ClassBuilder() {
        if (m_constructor) m_constructor->release();
        for (Member& m : m_members) {
            if (m.fn) m.fn->release();
            if (m.setter) m.setter->release();
        }
    }
    ClassBuilder(const ClassBuilder&) = delete;
    ClassBuilder& operator=(const ClassBuilder&) = delete;

    template <class F> ClassBuilder& constructor(F f) {
        using Params = typename detail::CallableTraits<F>::Params;
        if (m_constructor) m_constructor->release();
        m_constructor = new detail::ConstructorCallable<T, F>(std::move(f));
        m_constructor_length = detail::JsArity<Params>::value;
        return *this;
    }
    template <class F> ClassBuilder& method(std::string name, F f) {
        using Params = typename detail::TupleTail<typename detail::CallableTraits<F>::Params>::type;
        m_members.push_back({std::move(name), new detail::MethodCallable<T, F>(std::move(f)), nullptr,
                             detail::JsArity<Params>::value});
        return *this;
    }
    // A read-only accessor property.
    template <class G> ClassBuilder& getter(std::string name, G g) {
        m_members.push_back({std::move(name), new detail::MethodCallable<T, G>(std::move(g)), nullptr, -1});
        return *this;
    }
    template <class G, class S> ClassBuilder& accessor(std::string name, G g, S s) {
        m_members.push_back({std::move(name), new detail::MethodCallable<T, G>(std::move(g)),
                             new detail::MethodCallable<T, S>(std::move(s)), -1});
        return *this;
    }

    // Lets heap snapshots save the objects of T (see the top of this file).
    template <class W, class R> ClassBuilder& snapshot(W write, R read) {
        m_snapshot = std::make_unique<detail::ClassSnapshot<T>>();
        m_snapshot->write = std::move(write);
        m_snapshot->read = std::move(read);
        return *this;
    }

    // Registers the class in the runtime (once), makes the prototype and the constructor, and sets the
    // context's class prototype. Without a constructor() the function throws when called.
    Result<Value> build() {
        JSContext* ctx = m_ctx;
        if (!register_class()) return internal_error(ctx, "cannot register class");
        Value proto = QJS_TRY(detail::checked(ctx, JS_NewObject(ctx)));
        for (Member& m : m_members) {
            if (m.length >= 0) {
                Value fn = QJS_TRY(detail::function_over(
                    ctx, keyed(std::exchange(m.fn, nullptr), m_name + "." + m.name), m.name, m.length));
                QJS_TRY_VOID(define(proto, m.name, fn.release(), JS_UNDEFINED, JS_UNDEFINED));
            } else {
                Value get = QJS_TRY(detail::function_over(
                    ctx, keyed(std::exchange(m.fn, nullptr), m_name + ".get " + m.name), "get " + m.name, 0));
                Value set;
                if (m.setter)
                    set = QJS_TRY(detail::function_over(
                        ctx, keyed(std::exchange(m.setter, nullptr), m_name + ".set " + m.name),
                        "set " + m.name, 1));
                QJS_TRY_VOID(define(proto, m.name, JS_UNDEFINED, get.release(), set.release()));
            }
        }
        Value ctor_fn = QJS_TRY(detail::function_over(ctx, take_constructor(), m_name, m_constructor_length));
        JS_SetConstructorBit(ctx, ctor_fn.get(), 1);
        JS_SetConstructor(ctx, ctor_fn.get(), proto.get());
        JS_SetClassProto(ctx, ClassId<T>::get(), JS_DupValue(ctx, proto.get()));
        return ctor_fn;
    }

    // In a runtime about to be restored from a snapshot holding this class: registers the class with
    // its snapshot hooks and the constructor's and members' callables under their binding keys. The
    // builder is consumed. False when registration fails (out of memory, or an id taken).
    bool rebind() {
        if (!register_class()) return false;
        bool ok = detail::register_binding(m_rt, keyed(take_constructor(), m_name));
        for (Member& m : m_members) {
            if (!m.fn) continue; // consumed by an earlier build() or rebind()
            std::string key = m_name + "." + (m.length >= 0 ? m.name : "get " + m.name);
            ok = detail::register_binding(m_rt, keyed(std::exchange(m.fn, nullptr), key)) && ok;
            if (m.setter)
                ok = detail::register_binding(
                         m_rt, keyed(std::exchange(m.setter, nullptr), m_name + ".set " + m.name)) &&
                     ok;
        }
        return ok;
    }

  private:
    using CallableBase = detail::CallableBase;

    static CallableBase* keyed(CallableBase* c, std::string key) {
        c->key = std::move(key);
        return c;
    }
    CallableBase* take_constructor() {
        CallableBase* ctor = m_constructor ? std::exchange(m_constructor, nullptr)
                                           : new detail::Callable(ConstructorMissing{m_name});
        ctor->key = m_name;
        return ctor;
    }
    // JS_NewClass once per runtime, with the snapshot hooks when snapshot() was given.
    bool register_class() {
        if (!JS_IsRegisteredClass(m_rt, ClassId<T>::get())) {
            JSClassDef def;
            std::memset(&def, 0, sizeof def);
            def.class_name = m_name.c_str();
            def.finalizer = detail::class_finalizer<T>;
            if (JS_NewClass(m_rt, ClassId<T>::get(), &def) < 0) return false;
        }
        if (m_snapshot) {
            JS_SetClassSnapshotHooks(m_rt, ClassId<T>::get(), detail::class_snapshot_write<T>,
                                     detail::class_snapshot_read<T>);
            JS_SetClassSnapshotOpaque(m_rt, ClassId<T>::get(), m_snapshot.release(),
                                      detail::free_class_snapshot<T>);
        }
        return true;
    }
    struct Member {
        std::string name;
        CallableBase* fn;     // the method or getter
        CallableBase* setter; // accessors only
        int length;           // a method's length; -1 for accessors
    };
    struct ConstructorMissing {
        std::string name;
        Result<Value> operator()(CallInfo call) const {
            return type_error(call.ctx, name + " is not constructible");
        }
    };
    // A method (value) or an accessor (getter/setter), all consumed; non-enumerable as class members are.
    Result<void> define(const Value& proto, const std::string& name, JSValue value, JSValue getter,
                        JSValue setter) {
        JSAtom atom = JS_NewAtomLen(m_ctx, name.data(), name.size());
        if (atom == JS_ATOM_NULL) {
            JS_FreeValue(m_ctx, value);
            JS_FreeValue(m_ctx, getter);
            JS_FreeValue(m_ctx, setter);
            return Exception::take_pending(m_ctx);
        }
        int status = JS_IsUndefined(getter) ? JS_DefinePropertyValue(m_ctx, proto.get(), atom, value,
                                                                     JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE)
                                            : JS_DefinePropertyGetSet(m_ctx, proto.get(), atom, getter,
                                                                      setter, JS_PROP_CONFIGURABLE);
        JS_FreeAtom(m_ctx, atom);
        return detail::checked_status(m_ctx, status);
    }

    JSContext* m_ctx;
    JSRuntime* m_rt;
    std::string m_name;
    std::unique_ptr<detail::ClassSnapshot<T>> m_snapshot;
    CallableBase* m_constructor = nullptr;
    int m_constructor_length = 0;
    std::vector<Member> m_members;
};

} // namespace qjspp

#endif // QJS_CLASS_H
