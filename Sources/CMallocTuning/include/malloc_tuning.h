#ifndef EVALSHEET_MALLOC_TUNING_H
#define EVALSHEET_MALLOC_TUNING_H

/// Lets glibc's malloc keep the memory a batch frees and asks for again with every file, instead of returning it to
/// the system and faulting it back in (mallopt is not visible from Swift's Glibc module).
void evalsheet_keep_freed_memory(void);

#endif
