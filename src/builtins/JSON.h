// JSON.h: the JSON object's functions (ECMA-262 25.5), shared between JSON.cpp (the installer),
// JSONParse.cpp and JSONStringify.cpp, and usable by the engine and embedders.
#pragma once

#include "runtime/NativeFunction.h"
#include "runtime/Value.h"

namespace qjs {

class Context;
class String;

// 25.5.1 JSON.parse ( text [ , reviver ] ) and 25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] )
Value json_parse_native(Context&, const CallArgs&);
Value json_stringify_native(Context&, const CallArgs&);
// JSON.rawJSON ( text ) and JSON.isRawJSON ( O ) (the json-parse-with-source proposal)
Value json_raw_json_native(Context&, const CallArgs&);
Value json_is_raw_json_native(Context&, const CallArgs&);

// JSON.parse of a string without a reviver (SyntaxError on malformed text).
Value json_parse(Context&, String* text);
// JSON.stringify(value, replacer, space): a string value, or undefined.
Value json_stringify(Context&, const Value& value, const Value& replacer, const Value& space);

} // namespace qjs
