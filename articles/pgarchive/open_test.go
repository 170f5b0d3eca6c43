package pgarchive

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"briefs/articles/pgarchive/pgtest"
)

func TestRedact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"postgres://ana:s3cret@db.example.org:5432/briefs", "postgres://ana:xxxxx@db.example.org:5432/briefs"},
		{"postgresql://ana@db/briefs?sslmode=require", "postgresql://ana@db/briefs?sslmode=require"},
		{"postgres://ana@db/briefs?password=s3cret", "postgres://ana@db/briefs?password=xxxxx"},
		{"host=db user=ana password=s3cret dbname=briefs", "host=db user=ana password=xxxxx dbname=briefs"},
		{"host=db password='s3 cret' dbname=briefs", "host=db password=xxxxx dbname=briefs"},
		{"postgres://ana:s3cret@db:badport/briefs", "postgres://xxxxx@db:badport/briefs"},
	} {
		if got := Redact(c.in); got != c.want {
			t.Errorf("Redact(%q) = %q; want %q", c.in, got, c.want)
		}
		if strings.Contains(Redact(c.in), "s3") {
			t.Errorf("Redact(%q) shows the password", c.in)
		}
	}
}

// A server that cannot be reached, a wrong password, a database that is
// not there, an address that does not parse: one line that names the
// archive without its password, and says why.
func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	u, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	wrongPW := *u
	wrongPW.User = url.UserPassword(u.User.Username(), "not-the-s3cret")
	wrongDB := *u
	wrongDB.Path = "/no_such_db"

	cases := []struct{ name, addr, why string }{
		{"no server", "postgres://ana:s3cret@127.0.0.1:1/briefs?connect_timeout=5", "connection refused"},
		{"wrong password", wrongPW.String(), "password authentication failed"},
		{"no database", wrongDB.String(), `database "no_such_db" does not exist`},
		{"bad address", "postgres://ana:s3cret@db:port/briefs", "port"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Open(ctx, c.addr, Options{})
			if err == nil {
				a.Close()
				if c.name == "wrong password" || c.name == "no database" {
					t.Skip("the server let it in (it trusts every password)")
				}
				t.Fatalf("Open(%s) succeeded", Redact(c.addr))
			}
			msg := err.Error()
			if strings.Contains(msg, "s3cret") || strings.Contains(msg, "not-the") {
				t.Errorf("the password is printed: %s", msg)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("more than one line: %q", msg)
			}
			if !strings.Contains(msg, c.why) {
				t.Errorf("%q does not say %q", msg, c.why)
			}
			t.Log(msg)
		})
	}
}

// A new database gets the schema on first use; the version table says it
// is current.
func TestMigratesOnFirstUse(t *testing.T) {
	ctx := context.Background()
	a := open(t, pgtest.URL(t), Options{})
	defer a.Close()
	cur, target, err := a.Migrated(ctx)
	if err != nil || cur != target || target < 1 {
		t.Fatalf("schema version %d of %d, %v", cur, target, err)
	}
	if a.User() != "postgres" {
		t.Errorf("User() = %q; want the role, postgres", a.User())
	}
}
