// SmallBlockPool.h: pages of same-size blocks for the runtime's small allocations.
//
// A block of at most kMaxBlock bytes (the runtime's header included) comes from a page of its size
// class: a 4 KB piece of the runtime's allocator carved into equal blocks. Taking a block pops the
// page's free list or bumps its never-used tail; giving one back pushes it on its page's free list.
// That is a few instructions where the system allocator takes about a hundred, and a fresh page needs
// no per-block bookkeeping. The runtime counts whole pages against its memory limit.
//
// Each class keeps its pages on a circular list with the pages that have a free block in front, so
// taking looks at the first page only. A page that empties is returned to the allocator unless it is
// the class's only page with room (so a loop that allocates and frees one object does not get and
// release a page each time); release_empty_pages() returns those too, when the limit needs room.
#pragma once

#include "base/Allocator.h"

#include <cstddef>
#include <cstdint>

#if defined(__SANITIZE_ADDRESS__)
#define QJS_POOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QJS_POOL_ASAN 1
#endif
#endif
#ifdef QJS_POOL_ASAN
#include <sanitizer/asan_interface.h>
// A free block stays readable in its first word (the free-list link): LeakSanitizer skips poisoned
// words when it looks for pointers.
#define QJS_POISON_BLOCK(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define QJS_UNPOISON_BLOCK(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define QJS_POISON_BLOCK(p, n) ((void)(p), (void)(n))
#define QJS_UNPOISON_BLOCK(p, n) ((void)(p), (void)(n))
#endif

namespace qjs {

class SmallBlockPool {
  public:
    static constexpr size_t kGranule = 16;
    static constexpr size_t kMaxBlock = 512;   // largest pooled block in bytes
    static constexpr size_t kPageBytes = 4096; // what a page takes from the allocator
    static constexpr size_t kClasses = kMaxBlock / kGranule + 1;

    static size_t size_class(size_t bytes) { return (bytes + kGranule - 1) / kGranule; }
    static size_t class_bytes(size_t cls) { return cls * kGranule; }

    struct Page;

    SmallBlockPool() {
        for (Page& s : m_lists)
            s.prev = s.next = &s;
    }
    SmallBlockPool(const SmallBlockPool&) = delete;
    SmallBlockPool& operator=(const SmallBlockPool&) = delete;

    // True when class `cls` can give a block without a new page.
    bool has_room(size_t cls) const { return has_room(m_lists[cls].next); }

    // A block of class `cls` from a page with room; nullptr when there is none (add_page first).
    // `*page` receives the block's page, which give() needs.
    void* take(size_t cls, Page** page) {
        Page* p = m_lists[cls].next;
        if (!has_room(p)) return nullptr;
        uint8_t* block;
        if (p->free) {
            block = reinterpret_cast<uint8_t*>(p->free);
            QJS_UNPOISON_BLOCK(block, class_bytes(cls));
            p->free = p->free->next;
        } else {
            block = p->bump;
            p->bump += class_bytes(cls);
            QJS_UNPOISON_BLOCK(block, class_bytes(cls));
        }
        ++p->live;
        if (!has_room(p)) move_to_back(p); // the pages with room stay in front
        *page = p;
        return block;
    }

    // Makes `memory` (kPageBytes from the allocator) a page of class `cls`, first on its list.
    void add_page(size_t cls, void* memory) {
        Page* p = static_cast<Page*>(memory);
        p->cls = static_cast<uint32_t>(cls);
        p->live = 0;
        p->free = nullptr;
        p->bump = reinterpret_cast<uint8_t*>(p) + kPageHeader;
        p->end = p->bump + (kPageBytes - kPageHeader) / class_bytes(cls) * class_bytes(cls);
        QJS_POISON_BLOCK(p->bump, p->end - p->bump);
        insert_after(&m_lists[cls], p);
        ++m_pages;
    }

    // Returns `block` to `page`; returns the page's memory when the page was emptied and is to be
    // given back to the allocator (kPageBytes), nullptr otherwise.
    void* give(void* block, Page* page) {
        size_t cls = page->cls;
        bool had_room = has_room(page);
        Link* link = static_cast<Link*>(block);
        link->next = page->free;
        page->free = link;
        QJS_POISON_BLOCK(link + 1, class_bytes(cls) - sizeof(Link));
        if (--page->live == 0) {
            // Keep it if it is the only page of its class with room (those are in front: if another
            // has room, the first page or the one after this first page does).
            Page* other = m_lists[cls].next != page ? m_lists[cls].next : page->next;
            if (other != &m_lists[cls] && has_room(other)) {
                unlink(page);
                --m_pages;
                return page;
            }
        }
        if (!had_room) {
            unlink(page);
            insert_after(&m_lists[cls], page);
        }
        return nullptr;
    }

    // Gives every page without a live block back to `allocator`; returns the bytes released.
    size_t release_empty_pages(Allocator& allocator) {
        size_t released = 0;
        for (Page& list : m_lists) {
            for (Page* p = list.next; p != &list;) {
                Page* next = p->next;
                if (p->live == 0) {
                    unlink(p);
                    --m_pages;
                    QJS_UNPOISON_BLOCK(p, kPageBytes);
                    allocator.free(p, kPageBytes);
                    released += kPageBytes;
                }
                p = next;
            }
        }
        return released;
    }

    // Runtime teardown: every page back to `allocator`, live blocks (leaks, reported before) included.
    void release_all_pages(Allocator& allocator) {
        for (Page& list : m_lists) {
            while (list.next != &list) {
                Page* p = list.next;
                unlink(p);
                QJS_UNPOISON_BLOCK(p, kPageBytes);
                allocator.free(p, kPageBytes);
            }
        }
        m_pages = 0;
    }

    size_t page_count() const { return m_pages; }
    static size_t blocks_per_page(size_t cls) { return (kPageBytes - kPageHeader) / class_bytes(cls); }

    struct Link {
        Link* next;
    };
    struct Page {
        Page* prev;
        Page* next;
        Link* free;    // blocks given back
        uint8_t* bump; // first never-used block
        uint8_t* end;  // end of the last whole block
        uint32_t live; // blocks handed out
        uint32_t cls;
    };

  private:
    static constexpr size_t kPageHeader = (sizeof(Page) + kGranule - 1) / kGranule * kGranule;

    static bool has_room(const Page* p) { return p->free || p->bump != p->end; }
    static void unlink(Page* p) {
        p->prev->next = p->next;
        p->next->prev = p->prev;
    }
    static void insert_after(Page* at, Page* p) {
        p->prev = at;
        p->next = at->next;
        at->next->prev = p;
        at->next = p;
    }
    void move_to_back(Page* p) {
        Page* list = &m_lists[p->cls];
        if (list->prev == p) return;
        unlink(p);
        insert_after(list->prev, p);
    }

    // One sentinel per class: only prev/next are used; its free/bump/end make has_room() false.
    Page m_lists[kClasses] = {};
    size_t m_pages = 0;
};

} // namespace qjs
