package pgtest

import (
	"os/exec"
	"syscall"
)

// parentDeath has the kernel send the server SIGINT (a fast shutdown) when
// the process that started it dies.
func parentDeath(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGINT
}
