// qjs/qjs.h: the C++ layer over quickjs.h (header-only; builds with -fno-exceptions -fno-rtti).
//   qjs/Value.h     Value (owning handle), Exception, Result<T>, QJS_TRY
//   qjs/Convert.h   C++ <-> JS conversions
//   qjs/Function.h  C++ callables as JS functions
//   qjs/Class.h     C++ classes as JS classes with opaque objects
//   qjs/Runtime.h   Runtime and Context owners, eval, jobs, modules, interrupt handler
// docs/API.md ("The C++ layer") describes it.
#ifndef QJS_QJS_H
#define QJS_QJS_H

#include "qjs/Class.h"
#include "qjs/Convert.h"
#include "qjs/Function.h"
#include "qjs/Runtime.h"
#include "qjs/Value.h"

#endif // QJS_QJS_H
