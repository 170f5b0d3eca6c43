//go:build !unix

package pgtest

import "os/exec"

type runAs struct{}

func unprivileged() (*runAs, error) { return nil, nil }

func (r *runAs) own(string) error { return nil }

func (r *runAs) apply(*exec.Cmd) {}
