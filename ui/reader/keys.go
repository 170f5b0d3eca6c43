package reader

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
)

// KeyMap is the reader's keys. Scrolling keys are handed to the viewport.
type KeyMap struct {
	Down, Up         key.Binding
	PageDown, PageUp key.Binding
	HalfDown, HalfUp key.Binding
	Top, Bottom      key.Binding
	Back             key.Binding
	Prev, Next       key.Binding

	// NextMention and PrevMention step through the selected entity's mentions.
	NextMention, PrevMention key.Binding

	// Find opens the find prompt; FindAccept confirms the query typed,
	// FindClear drops the prompt or the confirmed find. While a find is
	// confirmed FindNext and FindPrev step through its matches: they come
	// before NextMention and PrevMention (by default the same n and N).
	Find, FindAccept, FindClear key.Binding
	FindNext, FindPrev          key.Binding

	// Short-help entries that stand for several keys; never matched.
	scrollHint, stepHint, mentionHint, backHint, findHint key.Binding
}

// DefaultKeyMap returns the reader's keys: pager keys, Esc/h back, [ and ] to step between briefs.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		PageDown: key.NewBinding(key.WithKeys("space", "pgdown", "f", "ctrl+f"), key.WithHelp("space", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup", "ctrl+b"), key.WithHelp("b", "page up")),
		HalfDown: key.NewBinding(key.WithKeys("d", "ctrl+d"), key.WithHelp("d", "½ page down")),
		HalfUp:   key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u", "½ page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Back:     key.NewBinding(key.WithKeys("esc", "h"), key.WithHelp("esc/h", "back")),
		Prev:     key.NewBinding(key.WithKeys("["), key.WithHelp("[", "prev brief")),
		Next:     key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next brief")),

		NextMention: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next mention")),
		PrevMention: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "prev mention")),

		Find:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find (owns n/N)")),
		FindAccept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		FindClear:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear find")),
		FindNext:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		FindPrev:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "prev match")),

		backHint:    key.NewBinding(key.WithKeys("esc", "h"), key.WithHelp("esc", "back")),
		findHint:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find")),
		mentionHint: key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n/N", "mentions")),
		scrollHint:  key.NewBinding(key.WithKeys("j", "k", "space", "b"), key.WithHelp("j/k", "scroll")),
		stepHint:    key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[/]", "briefs")),
	}
}

// hint is a help-only binding with b's keys, its first help key and this
// description ("esc back" for esc and h).
func hint(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(firstKey(b), desc))
}

// hintPair is a help-only binding for two actions shown as one ("j/k scroll"):
// the first key of each.
func hintPair(a, b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(firstKey(a)+"/"+firstKey(b), desc))
}

// firstKey is the first key help names for b.
func firstKey(b key.Binding) string {
	if k := b.Help().Key; k != "" {
		if before, _, ok := strings.Cut(k, "/"); ok && before != "" {
			return before // "j/k": j
		}
		return k // "/" itself, or one key
	}
	if ks := b.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return ""
}

// setMentionKeys turns n/N on while an entity is selected, so help shows them only then.
func (k *KeyMap) setMentionKeys(on bool) {
	k.NextMention.SetEnabled(on)
	k.PrevMention.SetEnabled(on)
	k.mentionHint.SetEnabled(on)
}

// viewportKeys hands the scrolling bindings to the viewport; it scrolls no sideways.
func (k KeyMap) viewportKeys() viewport.KeyMap {
	return viewport.KeyMap{
		Down:         k.Down,
		Up:           k.Up,
		PageDown:     k.PageDown,
		PageUp:       k.PageUp,
		HalfPageDown: k.HalfDown,
		HalfPageUp:   k.HalfUp,
		Left:         key.NewBinding(key.WithDisabled()),
		Right:        key.NewBinding(key.WithDisabled()),
	}
}
