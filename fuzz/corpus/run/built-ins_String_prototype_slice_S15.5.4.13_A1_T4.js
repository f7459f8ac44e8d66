//since ToInteger(null) yelds 0
//////////////////////////////////////////////////////////////////////////////
//CHECK#1
if (function() {
    return "gnulluna"
  }().slice(null, -3) !== "gnull") {
  throw new Test262Error('#1: function(){return "gnulluna"}().slice(null, -3) === "gnull". Actual: ' + function() {
    return "gnulluna"
  }().slice(null, -3));
}
//
//////////////////////////////////////////////////////////////////////////////
