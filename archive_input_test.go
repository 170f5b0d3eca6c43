package main

import (
	"errors"
	"slices"
	"testing"

	"github.com/spf13/cobra"

	"briefs/ui/config"
)

// TestResolveInput holds the order in which a command finds what it reads:
// --archive, $BRIEFS_ARCHIVE, PATHs, --samples, the config's archive key,
// the config's sources.
func TestResolveInput(t *testing.T) {
	const flagAddr, envAddr, cfgAddr = "postgres://flag@h/db", "postgres://env@h/db", "postgres://cfg@h/db"
	cfgWith := func(archive string, sources ...string) config.Config {
		c := config.Default()
		c.Archive, c.Sources, c.ArchiveUser = archive, sources, "ana"
		return c
	}
	cases := []struct {
		name      string
		flag, env string
		cfg       config.Config
		args      []string
		samples   bool
		into      bool
		wantAddr  string
		wantSpecs []string
		wantUsage bool
	}{
		{name: "flag wins over env and config", flag: flagAddr, env: envAddr, cfg: cfgWith(cfgAddr), wantAddr: flagAddr},
		{name: "env wins over config", env: envAddr, cfg: cfgWith(cfgAddr), wantAddr: envAddr},
		{name: "config archive when nothing else", cfg: cfgWith(cfgAddr, "/srv/briefs"), wantAddr: cfgAddr},
		{name: "a PATH wins over the config's archive", cfg: cfgWith(cfgAddr), args: []string{"today.txt"}, wantSpecs: []string{"today.txt"}},
		{name: "--samples wins over the config's archive", cfg: cfgWith(cfgAddr), samples: true},
		{name: "config sources without archive", cfg: cfgWith("", "/srv/briefs"), wantSpecs: []string{"/srv/briefs"}},
		{name: "flag and PATH is a usage error", flag: flagAddr, args: []string{"x.txt"}, wantUsage: true},
		{name: "env and --samples is a usage error", env: envAddr, samples: true, wantUsage: true},
		{name: "--samples and PATH is a usage error", samples: true, args: []string{"x.txt"}, wantUsage: true},
		{name: "ingest writes the config's archive, reads PATHs", cfg: cfgWith(cfgAddr, "/srv/briefs"), args: []string{"a.txt"}, into: true, wantAddr: cfgAddr, wantSpecs: []string{"a.txt"}},
		{name: "ingest writes the flag's archive, reads the config's sources", flag: flagAddr, cfg: cfgWith(cfgAddr, "/srv/briefs"), into: true, wantAddr: flagAddr, wantSpecs: []string{"/srv/briefs"}},
		{name: "ingest with no archive anywhere", cfg: cfgWith(""), into: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(envArchive, c.env)
			cmd := &cobra.Command{Use: "x"}
			addArchiveFlags(cmd)
			if c.flag != "" {
				if err := cmd.Flags().Set("archive", c.flag); err != nil {
					t.Fatal(err)
				}
			}
			in, err := resolveInput(cmd, c.cfg, c.args, c.samples, c.into)
			var ue usageError
			if c.wantUsage {
				if !errors.As(err, &ue) {
					t.Fatalf("err = %v, want a usage error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if in.addr != c.wantAddr {
				t.Errorf("addr = %q, want %q", in.addr, c.wantAddr)
			}
			if !slices.Equal(in.specs, c.wantSpecs) || (in.specs == nil) != (c.wantSpecs == nil) {
				t.Errorf("specs = %#v, want %#v", in.specs, c.wantSpecs)
			}
			if in.user != "ana" && c.cfg.ArchiveUser == "ana" {
				t.Errorf("user = %q, want the config's archive_user", in.user)
			}
		})
	}
}
