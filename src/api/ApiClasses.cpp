// ApiClasses.cpp: quickjs.h classes. Class ids are process-wide; class definitions are per runtime
// (JSRuntime::classes) and prototypes per context. Objects of an embedder class are HostObjects
// (runtime/HostObject.h); the hooks below connect them to the class's finalizer, gc_mark and call.
#include "api/ApiInternal.h"

#include "gc/Visitor.h"
#include "runtime/HostObject.h"

#include <cstring>

using namespace qjs;
using namespace qjs::api;

namespace {

// First id handed out by JS_NewClassID (QuickJS reserves the ids below for its builtin classes).
constexpr JSClassID kFirstClassId = 64;
constexpr JSClassID kMaxClassId = 1 << 16;
JSClassID s_next_class_id = kFirstClassId;

const JSApiClass* class_of(JSRuntime* r, uint32_t id) {
    if (!r || id >= r->classes.size() || !r->classes[id].registered) return nullptr;
    return &r->classes[id];
}

void mark_cell(JSRuntime* r, JSGCObjectHeader* gp) {
    if (r->marking && gp) r->marking->visit_cell(reinterpret_cast<Cell*>(gp));
}

void visit_host(HostObject* h, EdgeVisitor& v) {
    JSRuntime* r = api_runtime(*Runtime::current());
    const JSApiClass* cls = class_of(r, h->m_host_class);
    if (!cls || !cls->def.gc_mark) return;
    EdgeVisitor* saved = r->marking;
    r->marking = &v;
    JSValue self;
    self.tag = JS_TAG_OBJECT;
    self.u.ptr = h;
    cls->def.gc_mark(r, self, mark_cell);
    r->marking = saved;
}

void finalize_host(HostObject* h) {
    JSRuntime* r = api_runtime(*Runtime::current());
    const JSApiClass* cls = class_of(r, h->m_host_class);
    if (!cls || !cls->def.finalizer) return;
    JSValue self;
    self.tag = JS_TAG_OBJECT;
    self.u.ptr = h;
    cls->def.finalizer(r, self);
}

Value call_host(Context& ctx, HostObject* h, const Value& this_value, std::span<const Value> args,
                const Value& new_target) {
    JSRuntime* r = api_runtime(ctx.rt());
    const JSApiClass* cls = class_of(r, h->m_host_class);
    if (!cls || !cls->def.call) return ctx.throw_type_error("not a function");
    JSContext* c = context_of(ctx);
    if (!c) return ctx.throw_out_of_memory();
    Vector<JSValue> argv;
    argv.reserve(args.size());
    for (const Value& a : args)
        argv.push_back(peek(a));
    bool construct = !new_target.is_undefined();
    JSValue self;
    self.tag = JS_TAG_OBJECT;
    self.u.ptr = h;
    JSValue res =
        cls->def.call(c, self, construct ? peek(new_target) : peek(this_value), static_cast<int>(args.size()),
                      argv.data(), construct ? JS_CALL_FLAG_CONSTRUCTOR : 0);
    ctx.rt().make_current();
    if (res.tag == JS_TAG_EXCEPTION && !ctx.rt().has_exception())
        return ctx.throw_error(ErrorType::InternalError, "class call failed without an exception");
    return take(res);
}

const HostObjectHooks kHostHooks{
    visit_host,          finalize_host,      call_host,         free_external_array_buffer_data,
    write_host_snapshot, read_host_snapshot, atomics_wait_hook, atomics_notify_hook};

} // namespace

namespace qjs::api {
void install_host_hooks(JSRuntime* r) {
    register_host_object_class(); // a restored snapshot may hold host objects before any is created
    r->rt->m_host_hooks = &kHostHooks;
}
} // namespace qjs::api

void JS_MarkValue(JSRuntime* r, JSValueConst val, JS_MarkFunc* mark_func) {
    if (JS_VALUE_HAS_REF_COUNT(val) && mark_func) mark_func(r, static_cast<JSGCObjectHeader*>(val.u.ptr));
}

JSClassID JS_NewClassID(JSClassID* pclass_id) {
    if (*pclass_id == 0 && s_next_class_id < kMaxClassId) *pclass_id = s_next_class_id++;
    return *pclass_id;
}

JSClassID JS_GetClassID(JSValueConst v) {
    Object* o = object_of(v);
    if (!o || o->class_id() != ClassId::HostObject) return JS_INVALID_CLASS_ID;
    return static_cast<HostObject*>(o)->m_host_class;
}

int JS_NewClass(JSRuntime* r, JSClassID class_id, const JSClassDef* class_def) {
    Runtime& rt = enter(r);
    if (class_id < kFirstClassId || class_id >= kMaxClassId || !class_def) return -1;
    if (class_def->exotic) return -1; // exotic class methods are not supported yet (docs/API.md)
    if (class_id >= r->classes.size()) r->classes.resize(class_id + 1);
    JSApiClass& cls = r->classes[class_id];
    if (cls.registered) return -1;
    cls.def = *class_def;
    if (class_def->class_name) {
        cls.name = rt.intern_ascii(class_def->class_name);
        if (!cls.name) return -1;
        // The embedder's string need not outlive the call (QuickJS copies it into an atom too).
        size_t len = std::strlen(class_def->class_name);
        cls.name_text.resize(len + 1);
        std::memcpy(cls.name_text.data(), class_def->class_name, len + 1);
        cls.def.class_name = cls.name_text.data();
    }
    cls.registered = true;
    return 0;
}

JS_BOOL JS_IsRegisteredClass(JSRuntime* r, JSClassID class_id) {
    return class_of(r, class_id) != nullptr;
}

// Prototypes are kept per context by class id (a cache) and, for named classes, in the realm's
// m_host_class_protos object by class name: that object is saved in heap snapshots, so a restored
// context (where the class may have another id) finds the prototype again.
void JS_SetClassProto(JSContext* c, JSClassID class_id, JSValue obj) {
    Context& ctx = enter(c);
    Value proto = take(obj);
    if (class_id >= kMaxClassId) return;
    if (class_id >= c->class_protos.size()) c->class_protos.resize(class_id + 1);
    c->class_protos[class_id] = proto;
    const JSApiClass* cls = class_of(c->rt, class_id);
    if (!cls || !cls->name) return;
    if (!ctx.m_host_class_protos) {
        ctx.m_host_class_protos = Object::create(ctx, nullptr, ClassId::Object);
        if (!ctx.m_host_class_protos) return; // out of memory: only this process sees the prototype
    }
    JSValue protos = peek(Value::object(ctx.m_host_class_protos));
    int status = proto.is_object()
                     ? JS_DefinePropertyValue(c, protos, cls->name, give(std::move(proto)), JS_PROP_C_W_E)
                     : JS_DeleteProperty(c, protos, cls->name, 0);
    if (status < 0) JS_FreeValue(c, JS_GetException(c));
}

JSValue JS_GetClassProto(JSContext* c, JSClassID class_id) {
    Context& ctx = enter(c);
    if (class_id < c->class_protos.size() && !c->class_protos[class_id].is_undefined())
        return give(c->class_protos[class_id]);
    // A restored context: look the class up by name.
    const JSApiClass* cls = class_of(c->rt, class_id);
    if (!cls || !cls->name || !ctx.m_host_class_protos) return JS_NULL;
    JSValue protos = peek(Value::object(ctx.m_host_class_protos));
    JSValue proto = JS_GetProperty(c, protos, cls->name);
    if (JS_IsException(proto)) return proto;
    if (!JS_IsObject(proto)) {
        JS_FreeValue(c, proto);
        return JS_NULL;
    }
    if (class_id >= c->class_protos.size()) c->class_protos.resize(class_id + 1);
    c->class_protos[class_id] = borrow(proto);
    return proto;
}

JSValue JS_NewObjectProtoClass(JSContext* c, JSValueConst proto, JSClassID class_id) {
    Context& ctx = enter(c);
    if (proto.tag != JS_TAG_NULL && proto.tag != JS_TAG_OBJECT)
        return give(ctx.throw_type_error("not a prototype"));
    if (class_id == 1) return give(new_object_with_proto(ctx, object_of(proto))); // QuickJS's JS_CLASS_OBJECT
    const JSApiClass* cls = class_of(c->rt, class_id);
    if (!cls) return give(ctx.throw_type_error("class %u is not registered", class_id));
    HostObject* o = new_host_object(ctx, object_of(proto), class_id, cls->def.call != nullptr, false);
    if (!o) return JS_EXCEPTION;
    return give(Value::adopt(Tag::Object, o));
}

JSValue JS_NewObjectClass(JSContext* c, int class_id) {
    JSValue proto = JS_GetClassProto(c, static_cast<JSClassID>(class_id));
    JSValue obj = JS_NewObjectProtoClass(c, proto, static_cast<JSClassID>(class_id));
    JS_FreeValue(c, proto);
    return obj;
}

void JS_SetOpaque(JSValue obj, void* opaque) {
    Object* o = object_of(obj);
    if (o && o->class_id() == ClassId::HostObject) static_cast<HostObject*>(o)->m_opaque = opaque;
}

void* JS_GetOpaque(JSValueConst obj, JSClassID class_id) {
    Object* o = object_of(obj);
    if (!o || o->class_id() != ClassId::HostObject) return nullptr;
    auto* h = static_cast<HostObject*>(o);
    return h->m_host_class == class_id ? h->m_opaque : nullptr;
}

void* JS_GetOpaque2(JSContext* c, JSValueConst obj, JSClassID class_id) {
    Object* o = object_of(obj);
    if (o && o->class_id() == ClassId::HostObject && static_cast<HostObject*>(o)->m_host_class == class_id)
        return static_cast<HostObject*>(o)->m_opaque;
    Context& ctx = enter(c);
    const JSApiClass* cls = class_of(c->rt, class_id);
    if (cls && cls->name)
        ctx.throw_type_error_atom("%s object expected", cls->name);
    else
        ctx.throw_type_error("invalid class object");
    return nullptr;
}

void* JS_GetAnyOpaque(JSValueConst obj, JSClassID* class_id) {
    Object* o = object_of(obj);
    if (!o || o->class_id() != ClassId::HostObject) {
        *class_id = JS_INVALID_CLASS_ID;
        return nullptr;
    }
    auto* h = static_cast<HostObject*>(o);
    *class_id = h->m_host_class;
    return h->m_opaque;
}
