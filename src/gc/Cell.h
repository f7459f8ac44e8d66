// Cell.h: the header every heap allocation starts with.
//
// Cells are reference counted. Cells that can take part in a reference cycle (objects, shapes,
// function bytecode, closure variables, suspended frames) are GcCells: they also sit on the
// runtime's intrusive list so the cycle collector can find them. Every cell kind enumerates its
// outgoing references through one visitor (gc/Visitor.h); the cycle collector, the leak report and
// the snapshot serializer all walk the heap that way.
#pragma once

#include <cstdint>

namespace qjs {

#define QJS_CELL_KINDS(X)                                                                                    \
    X(String)           /* 8- or 16-bit string */                                                            \
    X(Symbol)           /* symbol; also its atom */                                                          \
    X(BigInt)           /* arbitrary-precision integer */                                                    \
    X(Object)           /* any JS object; class_id says which kind */                                        \
    X(Shape)            /* hidden class: prototype + property keys and flags */                              \
    X(FunctionBytecode) /* compiled function: code, constants, closure descriptors */                        \
    X(VarRef)           /* a captured variable (closure cell) */                                             \
    X(AccessorPair)     /* getter/setter pair stored in an accessor property slot */                         \
    X(Frame)            /* a suspended generator / async function frame */

enum class CellKind : uint8_t {
#define X(name) name,
    QJS_CELL_KINDS(X)
#undef X
};

const char* cell_kind_name(CellKind);

struct Cell;
void destroy_cell(Cell*); // frees a cell whose count reached zero (gc/Heap.cpp)

struct Cell {
    uint32_t m_ref_count = 1;
    CellKind m_kind;
    uint8_t m_gc_state = 0; // cycle collector bookkeeping
    uint16_t m_bits = 0;    // spare bits for the cell kind's own flags (below kWeakTargetBit)

    // Set while something refers to the cell weakly (gc/Weak.h): its death must clear those references.
    static constexpr uint16_t kWeakTargetBit = 0x4000;

    explicit Cell(CellKind kind) : m_kind(kind) {}
    Cell(const Cell&) = delete;
    Cell& operator=(const Cell&) = delete;

    CellKind kind() const { return m_kind; }
    void ref() { ++m_ref_count; }
    void unref() {
        if (--m_ref_count == 0) destroy_cell(this);
    }
    bool is_gc_cell() const { return m_kind >= CellKind::Object; }
};

// A cell that can be part of a cycle; linked on the runtime's gc list.
struct GcCell : Cell {
    GcCell* m_gc_prev = nullptr;
    GcCell* m_gc_next = nullptr;
    explicit GcCell(CellKind kind) : Cell(kind) {}
};

} // namespace qjs
