#include "parser/Ast.h"

namespace qjs {

const char* node_kind_name(NodeKind kind) {
    switch (kind) {
#define X(k, type)                                                                                           \
    case NodeKind::k:                                                                                        \
        return #k;
#include "parser/AstNodes.def"
#undef X
    }
    return "?";
}

const char* unary_op_name(UnaryOp op) {
    static const char* const names[] = {"-", "+", "!", "~", "typeof", "void", "delete"};
    return names[static_cast<int>(op)];
}

const char* binary_op_name(BinaryOp op) {
    static const char* const names[] = {
        "+", "-",  "*",  "/",   "%",   "**", "<<", ">>", ">>>", "&",  "|",
        "^", "==", "!=", "===", "!==", "<",  "<=", ">",  ">=",  "in", "instanceof"};
    return names[static_cast<int>(op)];
}

const char* logical_op_name(LogicalOp op) {
    static const char* const names[] = {"&&", "||", "??"};
    return names[static_cast<int>(op)];
}

const char* assign_op_name(AssignOp op) {
    static const char* const names[] = {"=",   "+=",   "-=", "*=", "/=", "%=",  "**=", "<<=",
                                        ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "?\?="};
    return names[static_cast<int>(op)];
}

} // namespace qjs
