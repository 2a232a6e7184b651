#ifndef GLEAN_CSPAWN_H
#define GLEAN_CSPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a new process group of its own, its stdin, stdout and
/// stderr on the given descriptors, every signal unblocked and SIGPIPE, SIGINT, SIGTERM and SIGHUP
/// at their defaults. On Linux the child also asks to be killed (SIGKILL) when the thread that
/// started it dies, so a plugin never outlives a glean that was killed. Returns the child's pid,
/// or -errno when the process could not be started (exec failures are reported the same way,
/// through a close-on-exec pipe).
pid_t glean_spawn(const char *path, char *const argv[], char *const envp[], int in_fd, int out_fd, int err_fd);

/// 1 when the child `pid` has ended, 0 while it runs, -1 when there is no such child. It stays a
/// zombie (not reaped), so its process group id cannot be reused while its group is killed.
int glean_has_ended(pid_t pid);

#endif
