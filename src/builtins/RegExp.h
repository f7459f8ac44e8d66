// RegExp.h: RegExp objects (22.2) for the other stages: RegExpCreate for regexp literals,
// IsRegExp for the String methods, RegExpExec and GetSubstitution.
#pragma once

#include "runtime/Object.h"

#include <span>

namespace qjs {

class String;

// The payload of a ClassId::RegExp object. The compiled program (regexp/RegExpCompiler.h layout)
// is a runtime allocation owned by the object.
class RegExpObject : public Object {
  public:
    Value m_source;                // [[OriginalSource]] (a String), undefined until initialized
    Value m_flags;                 // [[OriginalFlags]] (a String)
    uint32_t* m_program = nullptr; // [[RegExpMatcher]]; null until RegExpInitialize
    uint32_t m_flag_bits = 0;      // regexp::flag bits of m_flags
    Context* m_realm = nullptr;    // [[Realm]] (legacy RegExp features, Annex B compile)
    bool m_legacy = false;         // [[LegacyFeaturesEnabled]]: created by %RegExp% itself, not a subclass
};

// 22.2.3.1 RegExpCreate ( P, F ) (#sec-regexpcreate): for regexp literals and String methods.
Value regexp_create(Context&, const Value& pattern, const Value& flags);

// 7.2.8 IsRegExp is builtins/StringPrototype.h's is_regexp.

// 22.2.7.1 RegExpExec ( R, S ) (#sec-regexpexec): an Object or null.
Value regexp_exec(Context&, Object* r, String* s);

// 22.2.7.2 RegExpBuiltinExec ( R, S ) (#sec-regexpbuiltinexec)
Value regexp_builtin_exec(Context&, RegExpObject* r, String* s);

// 22.1.3.19.1 GetSubstitution ( matched, str, position, captures, namedCaptures, replacementTemplate )
// (#sec-getsubstitution). `captures` entries are strings or undefined; named_captures is
// undefined or an object.
Value get_substitution(Context&, String* matched, String* str, uint32_t position,
                       std::span<const Value> captures, const Value& named_captures,
                       String* replacement_template);

// RegExpBuiltinExec's legacy step after a match (RegExpLegacy.cpp): updates the realm's legacy
// static properties (RegExp.$1, lastMatch, ...) for a legacy regexp of this realm, invalidates them
// for a subclass instance. `caps` holds 2 * (group_count + 1) capture indexes.
void regexp_legacy_update(Context&, RegExpObject* r, String* s, const int32_t* caps, uint32_t group_count);

// 22.2.7.3 AdvanceStringIndex ( S, index, unicode ) (#sec-advancestringindex)
uint64_t advance_string_index(const String* s, uint64_t index, bool unicode);

// Installers shared by the RegExp files (RegExpConstructor.cpp calls them).
bool install_regexp_prototype(Context&, Object* proto);
bool install_regexp_string_iterator_prototype(Context&);
// 22.2.9.1 CreateRegExpStringIterator ( R, S, global, fullUnicode )
Value create_regexp_string_iterator(Context&, const Value& r, const Value& s, bool global, bool full_unicode);

} // namespace qjs
