// Package pgtest gives tests a PostgreSQL database of their own.
//
// With BRIEFS_TEST_PG set (a connection URL whose role may create
// databases), each test gets a new database on that server, dropped when
// the test ends. Otherwise a private cluster is started once per test
// binary: initdb in a temporary folder (the socket trusted, TCP with a
// password; no fsync), postgres started as a child of the test binary on a
// loopback port with its socket in the same folder, stopped and removed
// when the binary ends (Main) or, when the package has no Main, when the
// test ends. initdb is looked for on PATH, then in Debian's
// /usr/lib/postgresql/*/bin. initdb refuses to run as root: as root the
// cluster runs as the "postgres" user, else as "nobody".
//
// When no PostgreSQL can be had, the test is skipped with the reason, except
// under CI=true, where it fails: CI installs PostgreSQL (.ci/run), so the
// integration tests must run there.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names the variable that points the tests at a running server.
const EnvURL = "BRIEFS_TEST_PG"

// Cluster is a private PostgreSQL cluster.
type Cluster struct {
	dir    string // the temporary folder: data/, the socket, the log
	bin    string // the folder of initdb and postgres
	port   int
	runAs  *runAs
	admin  string // URL of the postgres database, as the superuser
	closed bool
	server *exec.Cmd    // the running postgres, nil when stopped
	exited <-chan error // its end
}

var (
	shared struct {
		sync.Mutex
		c    *Cluster
		err  error
		done bool
	}
	mainActive atomic.Bool
	dbSeq      atomic.Int64
)

// Main runs a test binary's tests with one cluster shared by them all, stopped
// at the end: func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }.
func Main(m *testing.M) int {
	mainActive.Store(true)
	code := m.Run()
	shared.Lock()
	if shared.c != nil {
		shared.c.Stop()
	}
	shared.Unlock()
	return code
}

// URL returns the connection URL of a new, empty database for t, dropped
// when t ends; t is skipped (failed under CI=true) when no PostgreSQL can
// be had.
func URL(t testing.TB) string {
	t.Helper()
	admin, err := adminURL(t)
	if err != nil {
		unavailable(t, err)
	}
	u, err := createDB(admin)
	if err != nil {
		t.Fatalf("pgtest: create a database: %v", err)
	}
	t.Cleanup(func() { dropDB(admin, u) })
	return u
}

// unavailable skips t, or fails it under CI.
func unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("pgtest: no PostgreSQL for the integration tests under CI: %v", err)
	}
	t.Skipf("pgtest: skipped, no PostgreSQL could be started: %v (install postgresql or set %s=postgres://...)", err, EnvURL)
}

// adminURL is the URL of a database on a server where databases may be
// created.
func adminURL(t testing.TB) (string, error) {
	if u := os.Getenv(EnvURL); u != "" {
		return u, nil
	}
	if !mainActive.Load() {
		c, err := Start()
		if err != nil {
			return "", err
		}
		t.Cleanup(c.Stop)
		return c.admin, nil
	}
	shared.Lock()
	defer shared.Unlock()
	if !shared.done {
		shared.c, shared.err = Start()
		shared.done = true
	}
	if shared.err != nil {
		return "", shared.err
	}
	return shared.c.admin, nil
}

// Start initialises and starts a private cluster.
func Start() (*Cluster, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	ra, err := unprivileged()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "briefs-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, bin: bin, runAs: ra}
	if err := ra.own(dir); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	// the socket trusts, TCP wants the password (so that a wrong one is
	// refused, as on a real server)
	pw := fmt.Sprintf("pw%d", time.Now().UnixNano())
	pwfile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwfile, []byte(pw+"\n"), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	out, err := c.run("initdb", "-D", data, "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile="+pwfile,
		"-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync")
	os.Remove(pwfile)
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, lastLines(out, 5))
	}
	if c.port, err = freePort(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := c.StartServer(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	c.admin = fmt.Sprintf("postgres://postgres:%s@127.0.0.1:%d/postgres?sslmode=disable", pw, c.port)
	return c, nil
}

// URL is the cluster's postgres database, as the superuser.
func (c *Cluster) URL() string { return c.admin }

// Stop stops the cluster and removes its folder.
func (c *Cluster) Stop() {
	if c == nil || c.closed {
		return
	}
	c.closed = true
	c.StopServer()
	os.RemoveAll(c.dir)
}

// StartServer starts the server (postgres itself, a child of this process
// that the kernel stops when this process dies, however it dies: a test
// binary killed by a timeout leaves no server behind) and waits until it
// takes connections. StopServer stops it and keeps its data, for the tests
// of a server that goes away.
func (c *Cluster) StartServer() error {
	logf, err := os.OpenFile(filepath.Join(c.dir, "log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(filepath.Join(c.bin, "postgres"), "-D", filepath.Join(c.dir, "data"), "-p", strconv.Itoa(c.port), "-k", c.dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=100")
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	cmd.Stdout, cmd.Stderr = logf, logf
	c.runAs.apply(cmd)
	parentDeath(cmd)
	exited := make(chan error, 1)
	started := make(chan error, 1)
	go func() {
		// the parent-death signal follows the thread that started the
		// child: this one stays until the server ends
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			runtime.UnlockOSThread()
			return
		}
		started <- nil
		exited <- cmd.Wait()
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	c.server, c.exited = cmd, exited
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(filepath.Join(c.dir, "log"))
			c.server = nil
			return fmt.Errorf("postgres ended at once: %v: %s", err, lastLines(log, 5))
		default:
		}
		conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", c.port), time.Second)
		if err == nil {
			conn.Close()
			if ready(c.dir, c.port) {
				return nil
			}
		}
		if time.Now().After(deadline) {
			c.StopServer()
			return errors.New("postgres did not take connections within 60 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ready reports whether the server on the socket in dir answers a query.
func ready(dir string, port int) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, fmt.Sprintf("host=%s port=%d user=postgres dbname=postgres sslmode=disable", dir, port))
	if err != nil {
		return false
	}
	defer conn.Close(ctx)
	return conn.Ping(ctx) == nil
}

// StopServer stops the server (a fast shutdown: clients are disconnected)
// and waits for it to end.
func (c *Cluster) StopServer() error {
	if c.server == nil {
		return nil
	}
	defer func() { c.server = nil }()
	c.server.Process.Signal(syscall.SIGINT)
	select {
	case <-c.exited:
		return nil
	case <-time.After(60 * time.Second):
	}
	c.server.Process.Signal(syscall.SIGQUIT) // immediate shutdown
	select {
	case <-c.exited:
	case <-time.After(10 * time.Second):
	}
	return errors.New("postgres did not stop within 60 s")
}

func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(c.bin, name), args...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	c.runAs.apply(cmd)
	return cmd.CombinedOutput()
}

// findBin finds the folder of initdb and postgres.
func findBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("initdb not found on PATH nor in /usr/lib/postgresql/*/bin")
}

func versionOf(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// createDB creates a database on admin's server and returns its URL.
func createDB(admin string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("briefs_test_%d_%d", os.Getpid(), dbSeq.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	u, err := url.Parse(admin)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

func dropDB(admin, dbURL string) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	conn.Exec(ctx, "DROP DATABASE IF EXISTS "+strings.TrimPrefix(u.Path, "/")+" WITH (FORCE)")
}
