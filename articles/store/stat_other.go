//go:build !linux

package store

import "io/fs"

// fileIdentity is not known here: stamps hold size and modification time
// only.
func fileIdentity(info fs.FileInfo) (inode uint64, change int64) { return 0, 0 }
