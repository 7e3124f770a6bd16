# ASan + UBSan for the whole build (CI runs the test suite once this way).
if(PLANTRACK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
