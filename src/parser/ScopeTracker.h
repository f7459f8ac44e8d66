// ScopeTracker.h: declared-name bookkeeping during parsing, for the declaration early errors
// (redeclarations, lexical/var conflicts) and for filling the AST's Scope lists.
#pragma once

#include "parser/Ast.h"

namespace qjs {

enum class ScopeKind : uint8_t {
    Function, // a function body (with its parameters) or the Program top level
    Block,
    CatchBody, // the block of a catch clause (conflicts with the catch parameter)
    Catch,     // holds the catch parameter names
    For,       // a for/for-in/for-of head with let/const
    Switch,
    Class, // class heritage/body: no declarations, marks the boundary for nothing but clarity
};

// Bits recorded per name per scope.
enum NameBits : uint8_t {
    NameLexical = 1 << 0,        // let/const/class/import, or a non-plain function in a block
    NameVar = 1 << 1,            // var declared here or in a nested block (passing through)
    NameParameter = 1 << 2,      // formal parameter (function scopes)
    NameCatchSimple = 1 << 3,    // catch (e): var e in the body is allowed (Annex B)
    NameCatchPattern = 1 << 4,   // catch ({e}): var e in the body is an error
    NameSloppyFunction = 1 << 5, // plain function declaration in a block, sloppy mode: may repeat
    NameTopFunction = 1 << 6,    // function declaration at function/script top level (var-like)
};

// A small open-addressing map from interned name pointer to NameBits. Its entries come from the
// arena's allocator, not the arena: a scope's table dies with the scope, and so do the tables it
// outgrew, instead of staying in the arena until the whole program is compiled.
class NameTable {
  public:
    struct Entry {
        const char16_t* key;
        uint8_t bits;
    };
    NameTable() = default;
    NameTable(const NameTable&) = delete;
    NameTable& operator=(const NameTable&) = delete;
    ~NameTable() { release(); }

    uint8_t get(const char16_t* key) const;
    // Returns a reference to the bits of `key`, inserting it; nullptr on out of memory.
    uint8_t* slot(Arena& arena, const char16_t* key);

  private:
    bool grow(Arena& arena);
    void release();
    Allocator* m_allocator = nullptr; // set with the first entries
    Entry* m_entries = nullptr;
    uint32_t m_capacity = 0;
    uint32_t m_count = 0;
};

struct AnnexBCandidate {
    FunctionNode* fn;
    bool from_child; // came from a nested scope (checked against this scope's lexical names)
};

struct ScopeState {
    ScopeKind kind = ScopeKind::Block;
    Scope* scope = nullptr; // AST scope (Function scopes always; others allocated on first declaration)
    ScopeState* parent = nullptr;
    NameTable names;
    ArenaVector<AnnexBCandidate> annex_b;
    bool is_function_top = false; // kind == Function
};

} // namespace qjs
