var __re = new RegExp;
var __instance = RegExp(__re, function(){}());
__re.indicator = 1;

assert.sameValue(__instance.indicator, 1, 'The value of __instance.indicator is expected to be 1');
