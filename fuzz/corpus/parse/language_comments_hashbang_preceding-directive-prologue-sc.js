"use strict";
#!

// Copyright (C) 2019 Leo Balter. All rights reserved.
// This code is governed by the BSD license found in the LICENSE file.


throw "Test262: This statement should not be evaluated.";
