// StringPrototype.h: helpers shared by the String builtins (StringConstructor.cpp,
// StringPrototype*.cpp, StringIteratorPrototype.cpp) and by the RegExp builtins (GetSubstitution).
#pragma once

#include "runtime/Object.h"
#include "runtime/String.h"
#include "runtime/Value.h"

#include <span>

namespace qjs {

class Context;
struct CallArgs;

// A string Value adopting `s`; a null `s` (allocation failure) throws out-of-memory.
Value adopt_string(Context&, String* s);
// Finishes a builder into a string Value (out-of-memory or too long -> exception).
Value finish_string_builder(Context&, StringBuilder&);
// The substring [start, end) of s as a Value (returns s itself when it is the whole string).
Value substring_value(Context&, const Value& s, uint32_t start, uint32_t end);

// Steps 1-2 of most String.prototype methods: ? RequireObjectCoercible(this value), then
// ? ToString(O). `method` names the caller in the TypeError message.
Value this_coerced_string(Context&, const Value& this_value, const char* method);

// 6.1.4.1 StringIndexOf ( string, searchValue, fromIndex ) (#sec-stringindexof): -1 when absent.
// (String::index_of returns 2^32-1 instead of -1 for an empty needle past the end.)
int64_t string_index_of(const String* string, const String* search_value, uint32_t from_index);

// 7.2.8 IsRegExp ( argument ) (#sec-isregexp)
Result<bool> is_regexp(Context&, const Value& argument);

// 22.1.3.19.1 GetSubstitution ( matched, str, position, captures, namedCaptures, replacementTemplate )
// (#sec-getsubstitution). `captures` holds undefined or String values; `named_captures` is
// undefined or an object.
Value get_substitution(Context&, const String* matched, const String* str, uint32_t position,
                       std::span<const Value> captures, const Value& named_captures,
                       const String* replacement_template);

// 22.1.5.1 CreateStringIterator (the iterator of String.prototype[Symbol.iterator]).
Value create_string_iterator(Context&, const Value& string);

// Installers of the pieces of %String.prototype% (one per file).
bool install_string_prototype(Context&, Object* proto);        // StringPrototype.cpp
bool install_string_prototype_case(Context&, Object* proto);   // StringPrototypeCase.cpp
bool install_string_prototype_pad(Context&, Object* proto);    // StringPrototypePad.cpp
bool install_string_prototype_regexp(Context&, Object* proto); // StringPrototypeRegExp.cpp
bool install_string_prototype_html(Context&, Object* proto);   // StringPrototypeHtml.cpp
bool install_string_iterator_prototype(Context&);              // StringIteratorPrototype.cpp

} // namespace qjs
