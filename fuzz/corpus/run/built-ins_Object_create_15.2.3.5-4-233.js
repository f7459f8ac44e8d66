var newObj = Object.create({}, {
  prop: {
    get: function() {
      return "ownDataProperty";
    }
  }
});

assert.sameValue(newObj.prop, "ownDataProperty", 'newObj.prop');
