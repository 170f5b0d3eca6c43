package store

import "syscall"

// dropPages tells the kernel this process no longer needs the n bytes of
// the file mapping at addr (MADV_DONTNEED). The cache maps its file shared
// and read-only, so nothing is lost: the pages stay in the page cache and
// a later read faults them back in. It only takes them out of this
// process's resident set, which otherwise grows by every page ever read.
func dropPages(addr, n uintptr) error {
	if addr == 0 || n == 0 {
		return nil
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, addr, n, syscall.MADV_DONTNEED); errno != 0 {
		return errno
	}
	return nil
}
