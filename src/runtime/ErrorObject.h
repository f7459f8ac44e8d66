// ErrorObject.h: objects with an [[ErrorData]] internal slot (ClassId::Error). The slot keeps the
// stack trace captured at construction, which the Error.prototype.stack accessor returns
// (the error-stack-accessor proposal): errors have no own "stack" property.
#pragma once

#include "runtime/Object.h"

namespace qjs {

class ErrorObject : public Object {
  public:
    Value m_stack; // the captured stack string (undefined until captured)
};

// Creates an object of class Error with prototype `proto` and an empty stack. Null on OOM.
ErrorObject* new_error_object(Context&, Object* proto);

// Captures the current stack into `e`'s [[ErrorData]] slot. False on OOM (exception pending).
bool capture_error_stack(Context&, Object* e);

} // namespace qjs
