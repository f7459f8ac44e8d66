#! this comment ends with a Carriage Return (U+000D)
{
}

// Copyright (C) 2019 Mike Pennisi. All rights reserved.
// This code is governed by the BSD license found in the LICENSE file.
