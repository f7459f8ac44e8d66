// TemporalObjects.cpp: creation of Temporal objects, their gc hooks, receiver checks and installation.
#include "builtins/temporal/Temporal.h"

#include "gc/Visitor.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

namespace {

void visit_date_payload(Object* o, EdgeVisitor& v) {
    v.visit_value(static_cast<PlainDateObject*>(o)->m_calendar);
}
void clear_date_payload(Object* o) {
    static_cast<PlainDateObject*>(o)->m_calendar = Value();
}
void visit_date_time_payload(Object* o, EdgeVisitor& v) {
    v.visit_value(static_cast<PlainDateTimeObject*>(o)->m_calendar);
}
void clear_date_time_payload(Object* o) {
    static_cast<PlainDateTimeObject*>(o)->m_calendar = Value();
}
void visit_zoned_payload(Object* o, EdgeVisitor& v) {
    auto* z = static_cast<ZonedDateTimeObject*>(o);
    v.visit_value(z->m_time_zone);
    v.visit_value(z->m_calendar);
}
void clear_zoned_payload(Object* o) {
    auto* z = static_cast<ZonedDateTimeObject*>(o);
    z->m_time_zone = Value();
    z->m_calendar = Value();
}

// ---- snapshots: the internal slots as fixed-width fields, validated as the constructors do ----

void write_time(HeapWriter& w, const TimeRecord& t) {
    for (int32_t f : {t.hour, t.minute, t.second, t.millisecond, t.microsecond, t.nanosecond})
        w.out().varint(f);
}
bool read_time(HeapReader& r, TimeRecord* t) {
    int32_t* fields[] = {&t->hour, &t->minute, &t->second, &t->millisecond, &t->microsecond, &t->nanosecond};
    const int32_t limits[] = {23, 59, 59, 999, 999, 999};
    for (int i = 0; i < 6; ++i) {
        int64_t v;
        if (!r.in().varint(&v)) return false;
        if (v < 0 || v > limits[i]) return r.fail("bad Temporal time");
        *fields[i] = static_cast<int32_t>(v);
    }
    t->days = 0;
    return true;
}
void write_date(HeapWriter& w, const IsoDate& d) {
    w.out().varint(d.year);
    w.out().varint(d.month);
    w.out().varint(d.day);
}
bool read_date(HeapReader& r, IsoDate* d) {
    int64_t y, m, day;
    if (!r.in().varint(&y) || !r.in().varint(&m) || !r.in().varint(&day)) return false;
    if (y < -300000 || y > 300000 || m < 1 || m > 12 || day < 1 || day > 31)
        return r.fail("bad Temporal date");
    *d = IsoDate{static_cast<int32_t>(y), static_cast<int32_t>(m), static_cast<int32_t>(day)};
    return true;
}
bool read_string_slot(HeapReader& r, Value* v) {
    return r.value(v) && (v->is_string() || r.fail("bad Temporal identifier"));
}
void write_epoch(HeapWriter& w, const EpochNs& e) {
    w.out().u64(static_cast<uint64_t>(e.hi));
    w.out().u64(e.lo);
}
bool read_epoch(HeapReader& r, EpochNs* e) {
    uint64_t hi;
    if (!r.in().u64(&hi) || !r.in().u64(&e->lo)) return false;
    e->hi = static_cast<int64_t>(hi);
    return is_valid_epoch_ns(e->get()) || r.fail("bad Temporal epoch nanoseconds");
}

bool write_duration(Object* o, HeapWriter& w) {
    for (int i = 0; i < 10; ++i)
        w.out().f64(static_cast<DurationObject*>(o)->m_fields[i]);
    return true;
}
bool read_duration(Object* o, HeapReader& r) {
    DurationFields& f = static_cast<DurationObject*>(o)->m_fields;
    for (int i = 0; i < 10; ++i)
        if (!r.in().f64(&f[i])) return false;
    return is_valid_duration(f) || r.fail("bad Temporal duration");
}
bool write_plain_time(Object* o, HeapWriter& w) {
    write_time(w, static_cast<PlainTimeObject*>(o)->m_time);
    return true;
}
bool read_plain_time(Object* o, HeapReader& r) {
    return read_time(r, &static_cast<PlainTimeObject*>(o)->m_time);
}
bool write_plain_date(Object* o, HeapWriter& w) {
    auto* d = static_cast<PlainDateObject*>(o);
    write_date(w, d->m_date);
    w.value(d->m_calendar);
    return true;
}
bool read_plain_date(Object* o, HeapReader& r) {
    auto* d = static_cast<PlainDateObject*>(o);
    return read_date(r, &d->m_date) && read_string_slot(r, &d->m_calendar);
}
bool write_plain_date_time(Object* o, HeapWriter& w) {
    auto* d = static_cast<PlainDateTimeObject*>(o);
    write_date(w, d->m_dt.date);
    write_time(w, d->m_dt.time);
    w.value(d->m_calendar);
    return true;
}
bool read_plain_date_time(Object* o, HeapReader& r) {
    auto* d = static_cast<PlainDateTimeObject*>(o);
    return read_date(r, &d->m_dt.date) && read_time(r, &d->m_dt.time) && read_string_slot(r, &d->m_calendar);
}
bool write_instant(Object* o, HeapWriter& w) {
    write_epoch(w, static_cast<InstantObject*>(o)->m_epoch);
    return true;
}
bool read_instant(Object* o, HeapReader& r) {
    return read_epoch(r, &static_cast<InstantObject*>(o)->m_epoch);
}
bool write_zoned(Object* o, HeapWriter& w) {
    auto* z = static_cast<ZonedDateTimeObject*>(o);
    write_epoch(w, z->m_epoch);
    w.value(z->m_time_zone);
    w.value(z->m_calendar);
    return true;
}
bool read_zoned(Object* o, HeapReader& r) {
    auto* z = static_cast<ZonedDateTimeObject*>(o);
    return read_epoch(r, &z->m_epoch) && read_string_slot(r, &z->m_time_zone) &&
           read_string_slot(r, &z->m_calendar);
}

const ClassSnapshotHooks kDurationSnapshot = {
    sizeof(DurationObject), 0,       nullptr, construct_payload<DurationObject>, write_duration,
    read_duration,          nullptr,
};
const ClassSnapshotHooks kPlainTimeSnapshot = {
    sizeof(PlainTimeObject), 0,       nullptr, construct_payload<PlainTimeObject>, write_plain_time,
    read_plain_time,         nullptr,
};
const ClassSnapshotHooks kPlainDateSnapshot = {
    sizeof(PlainDateObject), 0,       nullptr, construct_payload<PlainDateObject>, write_plain_date,
    read_plain_date,         nullptr,
};
const ClassSnapshotHooks kPlainDateTimeSnapshot = {
    sizeof(PlainDateTimeObject),
    0,
    nullptr,
    construct_payload<PlainDateTimeObject>,
    write_plain_date_time,
    read_plain_date_time,
    nullptr,
};
const ClassSnapshotHooks kInstantSnapshot = {
    sizeof(InstantObject), 0, nullptr, construct_payload<InstantObject>, write_instant, read_instant, nullptr,
};
const ClassSnapshotHooks kZonedSnapshot = {
    sizeof(ZonedDateTimeObject),
    0,
    nullptr,
    construct_payload<ZonedDateTimeObject>,
    write_zoned,
    read_zoned,
    nullptr,
};

} // namespace

// The class hooks of the Temporal payloads (idempotent; called when Temporal is installed).
void register_temporal_hooks() {
    static bool done = false;
    if (done) return;
    done = true;
    ClassHooks date{visit_date_payload, clear_date_payload, nullptr, nullptr, &kPlainDateSnapshot};
    register_class_hooks(ClassId::TemporalPlainDate, date);
    register_class_hooks(ClassId::TemporalPlainYearMonth, date);
    register_class_hooks(ClassId::TemporalPlainMonthDay, date);
    register_class_hooks(ClassId::TemporalPlainDateTime,
                         ClassHooks{visit_date_time_payload, clear_date_time_payload, nullptr, nullptr,
                                    &kPlainDateTimeSnapshot});
    register_class_hooks(ClassId::TemporalZonedDateTime, ClassHooks{visit_zoned_payload, clear_zoned_payload,
                                                                    nullptr, nullptr, &kZonedSnapshot});
    register_class_hooks(ClassId::TemporalDuration,
                         ClassHooks{nullptr, nullptr, nullptr, nullptr, &kDurationSnapshot});
    register_class_hooks(ClassId::TemporalPlainTime,
                         ClassHooks{nullptr, nullptr, nullptr, nullptr, &kPlainTimeSnapshot});
    register_class_hooks(ClassId::TemporalInstant,
                         ClassHooks{nullptr, nullptr, nullptr, nullptr, &kInstantSnapshot});
}

namespace {

// OrdinaryCreateFromConstructor(newTarget, the intrinsic prototype) for a payload class T.
template <typename T>
T* create_object(Context& ctx, const Value& new_target, Intrinsic proto_id, ClassId cls) {
    register_temporal_hooks();
    Object* proto;
    if (new_target.is_undefined()) {
        proto = ctx.intrinsic(proto_id);
        if (proto) proto->ref();
    } else {
        Result<Object*> p = get_prototype_from_constructor(ctx, new_target, proto_id);
        if (p.is_exception()) return nullptr;
        proto = p.release_value();
    }
    Value hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    return Object::create_as<T>(ctx, proto, cls);
}

} // namespace

// The calendar identifier "iso8601": the interned string (no allocation per object).
Value iso8601_calendar_id(Context& ctx) {
    Atom a = ctx.rt().intern_ascii("iso8601");
    if (!a) return ctx.throw_out_of_memory();
    return ctx.atom_value(a);
}

// CreateTemporalDuration (#sec-temporal-createtemporalduration)
Value create_duration(Context& ctx, const DurationFields& f, const Value& new_target) {
    // 1. If IsValidDuration(...) is false, throw a RangeError exception.
    if (!is_valid_duration(f)) return ctx.throw_range_error("invalid duration");
    // 2-14. Create the object with the fields (as Numbers, without -0).
    auto* d = create_object<DurationObject>(ctx, new_target, Intrinsic::TemporalDurationPrototype,
                                            ClassId::TemporalDuration);
    if (!d) return Exception{};
    for (int i = 0; i < 10; ++i)
        d->m_fields[i] = f[i] + 0.0;
    return Value::adopt(Tag::Object, d);
}

// CreateTemporalTime (#sec-temporal-createtemporaltime)
Value create_plain_time(Context& ctx, const TimeRecord& t, const Value& new_target) {
    auto* o = create_object<PlainTimeObject>(ctx, new_target, Intrinsic::TemporalPlainTimePrototype,
                                             ClassId::TemporalPlainTime);
    if (!o) return Exception{};
    o->m_time = t;
    o->m_time.days = 0;
    return Value::adopt(Tag::Object, o);
}

// CreateTemporalDate (#sec-temporal-createtemporaldate)
Value create_plain_date(Context& ctx, const IsoDate& date, const Value& new_target) {
    // 1. If ISODateWithinLimits(isoDate) is false, throw a RangeError exception.
    if (!iso_date_within_limits(date.year, date.month, date.day))
        return ctx.throw_range_error("date out of range");
    Value cal = iso8601_calendar_id(ctx);
    if (cal.is_exception()) return cal;
    auto* o = create_object<PlainDateObject>(ctx, new_target, Intrinsic::TemporalPlainDatePrototype,
                                             ClassId::TemporalPlainDate);
    if (!o) return Exception{};
    o->m_date = date;
    o->m_calendar = std::move(cal);
    return Value::adopt(Tag::Object, o);
}

// CreateTemporalDateTime (#sec-temporal-createtemporaldatetime)
Value create_plain_date_time(Context& ctx, const IsoDateTime& dt, const Value& new_target) {
    // 1. If ISODateTimeWithinLimits(isoDateTime) is false, throw a RangeError exception.
    if (!iso_date_time_within_limits(dt)) return ctx.throw_range_error("date-time out of range");
    Value cal = iso8601_calendar_id(ctx);
    if (cal.is_exception()) return cal;
    auto* o = create_object<PlainDateTimeObject>(ctx, new_target, Intrinsic::TemporalPlainDateTimePrototype,
                                                 ClassId::TemporalPlainDateTime);
    if (!o) return Exception{};
    o->m_dt = dt;
    o->m_dt.time.days = 0;
    o->m_calendar = std::move(cal);
    return Value::adopt(Tag::Object, o);
}

// CreateTemporalYearMonth (#sec-temporal-createtemporalyearmonth)
Value create_plain_year_month(Context& ctx, const IsoDate& date, const Value& new_target) {
    // 1. If ISOYearMonthWithinLimits(isoDate) is false, throw a RangeError exception.
    if (!year_month_within_limits(date.year, date.month))
        return ctx.throw_range_error("year-month out of range");
    Value cal = iso8601_calendar_id(ctx);
    if (cal.is_exception()) return cal;
    auto* o = create_object<PlainDateObject>(ctx, new_target, Intrinsic::TemporalPlainYearMonthPrototype,
                                             ClassId::TemporalPlainYearMonth);
    if (!o) return Exception{};
    o->m_date = date;
    o->m_calendar = std::move(cal);
    return Value::adopt(Tag::Object, o);
}

// CreateTemporalMonthDay (#sec-temporal-createtemporalmonthday)
Value create_plain_month_day(Context& ctx, const IsoDate& date, const Value& new_target) {
    if (!iso_date_within_limits(date.year, date.month, date.day))
        return ctx.throw_range_error("month-day out of range");
    Value cal = iso8601_calendar_id(ctx);
    if (cal.is_exception()) return cal;
    auto* o = create_object<PlainDateObject>(ctx, new_target, Intrinsic::TemporalPlainMonthDayPrototype,
                                             ClassId::TemporalPlainMonthDay);
    if (!o) return Exception{};
    o->m_date = date;
    o->m_calendar = std::move(cal);
    return Value::adopt(Tag::Object, o);
}

// CreateTemporalInstant (#sec-temporal-createtemporalinstant)
Value create_instant(Context& ctx, i128 epoch_ns, const Value& new_target) {
    if (!is_valid_epoch_ns(epoch_ns)) return ctx.throw_range_error("instant out of range");
    auto* o = create_object<InstantObject>(ctx, new_target, Intrinsic::TemporalInstantPrototype,
                                           ClassId::TemporalInstant);
    if (!o) return Exception{};
    o->m_epoch.set(epoch_ns);
    return Value::adopt(Tag::Object, o);
}

// CreateTemporalZonedDateTime (#sec-temporal-createtemporalzoneddatetime)
Value create_zoned_date_time(Context& ctx, i128 epoch_ns, const Value& time_zone, const Value& new_target) {
    if (!is_valid_epoch_ns(epoch_ns)) return ctx.throw_range_error("instant out of range");
    Value cal = iso8601_calendar_id(ctx);
    if (cal.is_exception()) return cal;
    auto* o = create_object<ZonedDateTimeObject>(ctx, new_target, Intrinsic::TemporalZonedDateTimePrototype,
                                                 ClassId::TemporalZonedDateTime);
    if (!o) return Exception{};
    o->m_epoch.set(epoch_ns);
    o->m_time_zone = time_zone;
    o->m_calendar = std::move(cal);
    return Value::adopt(Tag::Object, o);
}

Object* require_temporal(Context& ctx, const Value& v, ClassId id, const char* method) {
    if (!is_temporal(v, id)) {
        ctx.throw_type_error("%s.prototype.%s called on incompatible receiver", class_name(id), method);
        return nullptr;
    }
    return v.as_object();
}

Value i128_to_bigint(Context& ctx, i128 v) {
    bool negative = v < 0;
    unsigned __int128 m =
        negative ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
    uint64_t hi = static_cast<uint64_t>(m >> 64);
    uint64_t lo = static_cast<uint64_t>(m);
    Value r = bigint_from_uint64(ctx, lo);
    if (r.is_exception()) return r;
    if (hi) {
        Value h = bigint_from_uint64(ctx, hi);
        if (h.is_exception()) return h;
        Value shift = bigint_from_int64(ctx, 64);
        if (shift.is_exception()) return shift;
        h = bigint_binary(ctx, BigIntOp::ShiftLeft, h, shift);
        if (h.is_exception()) return h;
        r = bigint_binary(ctx, BigIntOp::Add, h, r);
        if (r.is_exception()) return r;
    }
    return negative ? bigint_negate(ctx, r) : r;
}

bool bigint_to_i128(const Value& big, i128* out) {
    const BigInt* b = reinterpret_cast<const BigInt*>(big.as_cell());
    if (b->length() > 4) return false;
    unsigned __int128 m = 0;
    for (uint32_t i = b->length(); i-- > 0;)
        m = (m << 32) | b->limbs()[i];
    if (m >> 126) return false; // beyond any valid epoch nanoseconds
    i128 v = static_cast<i128>(m);
    *out = b->is_negative() ? -v : v;
    return true;
}

Object* install_temporal_type(Context& ctx, Object* ns, const char* name, NativeFn ctor, uint32_t length,
                              Intrinsic proto_id, Intrinsic ctor_id,
                              std::span<const FunctionListEntry> statics,
                              std::span<const FunctionListEntry> proto_methods) {
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return nullptr;
    ctx.set_intrinsic(proto_id, proto);
    proto->unref(); // the realm holds it
    Atom a = ctx.rt().intern_ascii(name);
    if (!a) {
        ctx.throw_out_of_memory();
        return nullptr;
    }
    Value c = new_native_function(ctx, ctor, a, length, 0, 0, true);
    if (c.is_exception()) return nullptr;
    Object* co = c.as_object();
    if (!define_fresh_property(ctx, co, atoms::prototype, Value::object(proto), 0)) return nullptr;
    if (put_own_data(ctx, proto, atoms::constructor, c, prop::Writable | prop::Configurable).is_exception())
        return nullptr;
    if (put_own_data(ctx, ns, a, c, prop::Writable | prop::Configurable).is_exception()) return nullptr;
    ctx.set_intrinsic(ctor_id, co);
    if (!define_function_list(ctx, co, statics)) return nullptr;
    if (!define_function_list(ctx, proto, proto_methods)) return nullptr;
    return proto;
}

} // namespace qjs
