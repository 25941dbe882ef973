#
# The host side every simulated native shares: the pump that runs socket work on the CLR thread, the loopback
# servers, the bench link and the virtual clock. Two posix functions are wrapped at link time, not copied:
# nanoHAL_Initialize (the pump joins the continuation list after it) and the clocks (VirtualClock.cpp).
#
target_sources(${NANOCLR} PRIVATE
    ${CMAKE_CURRENT_SOURCE_DIR}/host/HostPump.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/host/LoopbackServer.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/host/Bench.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/clock/VirtualClock.cpp
)
target_link_options(${NANOCLR} PRIVATE
    -Wl,--wrap=_Z18nanoHAL_Initializev
    -Wl,--wrap=HAL_Time_CurrentDateTime
    -Wl,--wrap=_Z24HAL_Time_CurrentSysTicksv
)
target_include_directories(${NANOCLR} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/include)
