namespace muyield::io { int placeholder_unit = 0; }
