// The smallest program: ./build/qjs examples/hello.js
console.log("Hello, world!");
