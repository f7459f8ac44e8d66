// Pending jobs run to completion before the shell exits; async functions resume in order.
var log = [];
Promise.resolve(1).then(function (v) { log.push("then " + v); });
(async function () {
    log.push("async start");
    var v = await 2;
    log.push("await " + v);
    var w = await Promise.resolve(3);
    log.push("await " + w);
})();
log.push("sync end");
Promise.resolve().then(function () {}).then(function () {}).then(function () {}).then(function () {
    assertEquals(log.join(","), "async start,sync end,then 1,await 2,await 3");
    print("jobs ok");
});
