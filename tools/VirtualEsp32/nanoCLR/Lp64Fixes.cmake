#
# Upstream sources that assume a 32-bit target (or Windows for 64 bits) and go wrong on a 64-bit Linux host are
# compiled from a copy made in the build folder with the one expression fixed (docs/virtual-esp32.md, "LP64 fixes").
# Nothing is copied into the repo; a fix whose text is no longer found stops the configure.
#
# vesp32_lp64_copy(<path under NF_INTERPRETER_DIR> <from> <to> <result variable>)
function(vesp32_lp64_copy path from to result)
    file(READ ${NF_INTERPRETER_DIR}/${path} text)
    string(REPLACE "${from}" "${to}" fixed "${text}")
    if(fixed STREQUAL text)
        message(FATAL_ERROR "${path}: '${from}' not found; check the LP64 fix against this nf-interpreter")
    endif()
    get_filename_component(name ${path} NAME)
    file(WRITE ${CMAKE_BINARY_DIR}/lp64/${name} "${fixed}")
    set(${result} ${CMAKE_BINARY_DIR}/lp64/${name} PARENT_SCOPE)
endfunction()

# Heap compaction: RelocationRegion::m_offset is 64-bit only under _WIN64, so on Linux x86-64 the (negative)
# distance a block moves is kept as a CLR_UINT32 and every relocated reference lands 4 GiB too high (SIGSEGV in
# Execute_IL at the next use). The distance within the one heap fits 32 bits: it is read back sign-extended.
vesp32_lp64_copy(src/CLR/Core/GarbageCollector_Compaction.cpp
    "(void *)(dst + relocCurrent.m_offset)" "(void *)(dst + (CLR_INT32)relocCurrent.m_offset)" COMPACTION_SRC)
get_target_property(nanoclr_sources ${NANOCLR} SOURCES)
list(FILTER nanoclr_sources EXCLUDE REGEX "/GarbageCollector_Compaction\\.cpp$")
set_property(TARGET ${NANOCLR} PROPERTY SOURCES ${nanoclr_sources} ${COMPACTION_SRC})
