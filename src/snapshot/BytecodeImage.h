// BytecodeImage.h: compiled scripts and functions as self-contained bytes (what qjsc embeds and
// JS_WriteObject/JS_ReadObject exchange), in the format of docs/BYTECODE.md, "Bytecode images".
//
// An image holds one FunctionBytecode tree (a script or a function with its nested functions): the
// code with its atoms replaced by indexes into the image's own atom table, constants, closure and
// local descriptors, handlers and the line table; inline caches are written empty. The header has a
// magic, a format version, the opcode table's fingerprint (images only load in an engine with the same
// opcodes), the payload length and a CRC-32.
//
// Reading validates every field before use: the checksum, each count and length against the bytes
// left, atom/constant/register/closure-variable/inline-cache indexes, constant kinds where an
// instruction needs a function or a template, jump targets (instruction boundaries) and handler and
// line ranges. A bad image gives a SyntaxError naming the problem, never a crash. What it does not check
// yet is the operand-stack discipline of the code (a verifier of stack depths): a hand-crafted image
// with valid indexes but unbalanced stack effects is not rejected, so load images from trusted
// sources only, as with QuickJS's bytecode.
#pragma once

#include "runtime/Atom.h"
#include "runtime/Value.h"
#include "snapshot/ByteStream.h"

#include <span>

namespace qjs {

class Context;
class FunctionBytecode;
struct ModuleCompileInfo;

// Appends the image of `fb` to `out`. Returns false with an exception pending when the tree holds
// something an image cannot represent (e.g. a symbol other than a well-known one as a key).
bool write_bytecode_image(Context&, const FunctionBytecode* fb, ByteWriter& out);

// Appends the image of a module: its function and what linking needs (requests, bindings, imports
// and exports). The header's flags mark it as a module image.
bool write_module_image(Context&, const FunctionBytecode* fb, const ModuleCompileInfo& info, ByteWriter& out);

// Decodes an image; returns the FunctionBytecode (a new reference) or an exception. A module image
// is refused unless `module_info` is given: it then receives the module's info and `*is_module` is
// set (the module function's closure variables are checked against its bindings).
Result<FunctionBytecode*> read_bytecode_image(Context&, const uint8_t* data, size_t length,
                                              ModuleCompileInfo* module_info = nullptr,
                                              bool* is_module = nullptr);

// The fingerprint of the opcode table (names, sizes, stack effects and operand formats).
uint32_t opcode_table_fingerprint();

// Checks every instruction of `fb` (operand ranges, constant kinds, reachable control flow, handler
// and line tables) and rewrites its atom operands, which hold indexes into `atom_map`, to atoms.
// Shared by bytecode images and heap snapshots; failures are reported through `in.fail`.
bool validate_function_code(FunctionBytecode* fb, std::span<const Atom> atom_map, ByteReader& in);

// Whether `v` is a nested function in a constant pool (an InternalCell holding a FunctionBytecode).
bool is_function_constant(const Value& v);

} // namespace qjs
