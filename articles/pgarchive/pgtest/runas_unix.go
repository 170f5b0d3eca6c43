//go:build unix

package pgtest

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"syscall"
)

// runAs is the unprivileged user the cluster runs as when the tests run as
// root (initdb refuses root); nil otherwise.
type runAs struct{ uid, gid int }

func unprivileged() (*runAs, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.Atoi(u.Uid)
		gid, err2 := strconv.Atoi(u.Gid)
		if err1 == nil && err2 == nil {
			return &runAs{uid: uid, gid: gid}, nil
		}
	}
	return nil, fmt.Errorf("running as root and no unprivileged user (postgres, nobody) to run initdb as")
}

func (r *runAs) own(dir string) error {
	if r == nil {
		return nil
	}
	return os.Chown(dir, r.uid, r.gid)
}

func (r *runAs) apply(cmd *exec.Cmd) {
	if r == nil {
		return
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(r.uid), Gid: uint32(r.gid)}}
}
