//go:build !linux

package pgtest

import "os/exec"

// parentDeath does nothing here: only Linux stops a child when its parent
// dies; Stop stops the server.
func parentDeath(*exec.Cmd) {}
