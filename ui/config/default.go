package config

// DefaultTOML is the commented default config file that
// `briefs config --default` prints. Loading it gives Default().
const DefaultTOML = `# briefs configuration: copy to ~/.config/briefs/config.toml (or the path in
# $BRIEFS_CONFIG, or pass --config FILE) and change what you like.
# Unknown keys and bad values are reported with their line; a bad value keeps
# its default and the rest of the file still applies.

# Briefs to open when briefs runs with no argument: files, folders, URLs, or
# "-" for standard input. Empty: the built-in sample briefs.
# "~/" is your home folder; relative paths start at this file's folder.
sources = []

# RSS or Atom feeds (http or https URLs) read at start, next to the sources.
feeds = []

# "auto" asks the terminal for its background colour; "dark" or "light" fix it.
# Set NO_COLOR (to anything) in the environment to turn colour off.
theme = "auto"

# How briefs are rendered: a glamour style (ascii, dark, dracula, light, notty,
# pink, tokyo-night) or the path of a glamour JSON style file.
# Empty: follow the theme ("notty" when NO_COLOR is set).
glamour_style = ""

# Width in cells to wrap briefs at. 0 fits the window, at most 100 cells
# (longer lines are hard to read).
wrap_width = 0

# How the screen is shared: "auto" (from the window's width), "wide" (list,
# reader and both panes side by side), "medium" (reader and one pane, tabs
# between the panes) or "narrow" (one thing at a time).
layout = "auto"

# Side panes shown at start: "entities", "quotes". [] hides them until you
# press e or Q.
panes = ["entities", "quotes"]

# Order of the list: "date" (newest first), "title" (A to Z), "entities" or
# "quotes" (most first). reverse = true turns it around.
sort = "date"
reverse = false

# Group the list by outlet or source, in the sort order within each group.
group_by_source = false

# Show the speaker just after a quotation, as in “We are ready,”⟨Lina Roos⟩,
# unless the text names them beside it (the quotes pane names the speakers
# either way; copies and exports never include the tags).
speaker_tags = true

# Command that opens a brief's URL. Empty: $BROWSER, then xdg-open or open.
browser = ""

# Where copies go: "auto" (the system clipboard, or the terminal's
# through OSC 52 when there is none, say over ssh), "system" or "osc52".
clipboard = "auto"

# Folder that exported digests are written to. Empty: your documents folder
# (XDG_DOCUMENTS_DIR), else your home folder.
export_dir = ""

# Memory, in MB, that extracting briefs may use at once on all cores: more
# lets more long briefs be extracted side by side, less keeps the reader
# smaller. A brief costs about 100 bytes per byte of its text while it is
# extracted; a long one is extracted a piece (256 KB) at a time.
extract_memory_mb = 512

# Load the sources again in the background this often while reading (feeds
# fetched, folders read again), as r does: "15m", "1h", "90s"; "" never.
reload_every = ""

# How a watchlist's new briefs are announced besides the status line:
# "bell" (the terminal bell), "osc9" or "osc777" (a desktop notification
# sent through the terminal, for terminals that show them), "none".
notify = "bell"

# The shared archive of a team, on a PostgreSQL server (see the README's
# "A shared archive for a team"): with it, briefs with no PATH reads the
# archive instead of the sources above, and briefs ingest writes it.
# --archive and $BRIEFS_ARCHIVE win over it. A password may go here (keep
# the file private) or in ~/.pgpass; briefs never prints it.
archive = ""

# Whose reading state (read and starred marks, positions, watchlists) the
# shared archive keeps. Empty: the database role you log in as.
archive_user = ""

# Keys. Each action takes a list of keys as bubbletea names them: a character
# ("q", "Q", "?", "["), a named key (enter, esc, tab, space, backspace, up,
# down, left, right, pgup, pgdown, home, end, delete, insert, f1 ... f63),
# either with modifiers: "ctrl+d", "alt+enter", "shift+tab", "ctrl+alt+x".
# An action left out keeps its default keys, shown commented out below; the
# help bar (?) always shows the keys in use. A key bound to two actions live
# at the same time (two of one table, or one of [keys] and one of a table,
# since [keys] are checked first) is reported and the later action keeps its
# defaults. open_url, copy_quote, copy_url and export act on the open brief,
# or the list's selected one; sort, group and read_filter work in the list.
[keys]
# quit = ["q", "ctrl+c"]             # quit briefs
# force_quit = ["ctrl+c"]            # quit even while a filter or a query is being typed
# help = ["?"]                       # show or hide the full help
# next_focus = ["tab"]               # focus the next pane
# prev_focus = ["shift+tab"]         # focus the previous pane
# entities = ["e"]                   # show or hide the entities pane
# quotes = ["Q"]                     # show or hide the quotes pane
# back = ["esc"]                     # from a pane or the search view back
# search = ["s", ":"]                # open the search view
# warnings = ["w"]                   # list the sources that could not be read
# open_url = ["o"]                   # open the brief's URL in the browser
# copy_quote = ["y"]                 # copy the selected quote with its speaker and source
# explain_quote = ["i"]              # show why the selected quote has its speaker (its trace)
# copy_url = ["Y"]                   # copy the brief's URL
# export = ["x"]                     # write the brief's digest to a Markdown file
# sort = ["S"]                       # cycle the list's order
# group = ["B"]                      # group the list by source, or stop
# star = ["*"]                       # star the brief, or unstar it
# refresh = ["r"]                    # load the sources again: new briefs added, changed ones replaced
# read_filter = ["U"]                # show all briefs, the unread or the starred
# toggle_read = ["N"]                # mark the selected brief read, or unread (in the list)
# all_read = ["A"]                   # mark every brief the list shows read (in the list)
# watch_next = ["W"]                 # show the next watchlist's briefs in the list, then all again (in the list)
# watch_save = ["ctrl+s"]            # watch the search: save its query as a watchlist, named as you type (in the search view)
# watch_remove = ["X"]               # remove the watchlist the list shows (in the list)
# links = ["L"]                      # the brief's links, numbered: open or copy any
# pipe = ["|"]                       # send the brief's text to a command
# save = [">"]                       # save the brief to a file: Markdown, or text when it ends in .txt
# pager = ["P"]                      # read the brief in $PAGER, then come back
# editor = ["ctrl+e"]                # open the brief in $EDITOR, then come back
# count = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] # a count for the next up or down key, as in vim: 5j (list and reader)
# link_open = ["enter"]              # open the selected link (in the links view)
# link_number = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] # open link 1 to 9 (in the links view)
# feeds_view = ["F"]                 # the feeds: title, URL, briefs, last fetch, errors (in the list)
# feed_add = ["a"]                   # add a feed to the config (in the feeds view)
# feed_remove = ["d"]                # remove the selected feed from the config (in the feeds view)
# feed_fetch = ["f"]                 # fetch the selected feed again, alone (in the feeds view)
# all_entities = ["@"]               # every entity of the corpus
# all_quotes = ["\""]                # every quote of the corpus

# The list of briefs.
[keys.list]
# open = ["enter"]                   # read the selected brief
# page_top = ["H"]                   # the first brief on the page, as vim's H
# page_middle = ["M"]                # the middle brief on the page, as vim's M
# cursor_up = ["up", "k"]            # previous brief
# cursor_down = ["down", "j"]        # next brief
# prev_page = ["left", "h", "pgup", "b", "u"]    # previous page
# next_page = ["right", "l", "pgdown", "f", "d"] # next page
# go_to_start = ["home", "g"]        # first brief
# go_to_end = ["end", "G"]           # last brief
# filter = ["/"]                     # filter the list
# clear_filter = ["esc"]             # clear the filter
# cancel_while_filtering = ["esc"]   # stop typing a filter, dropping it
# accept_while_filtering = ["enter", "tab", "shift+tab", "ctrl+k", "up", "ctrl+j", "down"] # stop typing a filter, keeping it

# The reader.
[keys.reader]
# down = ["j", "down"]               # scroll down
# up = ["k", "up"]                   # scroll up
# page_down = ["space", "pgdown", "f", "ctrl+f"] # page down
# page_up = ["b", "pgup", "ctrl+b"]  # page up
# half_down = ["d", "ctrl+d"]        # half a page down
# half_up = ["u", "ctrl+u"]          # half a page up
# top = ["g", "home"]                # top of the brief
# bottom = ["G", "end"]              # bottom of the brief
# back = ["esc", "h"]                # back to the list
# prev = ["["]                       # previous brief
# next = ["]"]                       # next brief
# next_mention = ["n"]               # next mention of the selected entity
# prev_mention = ["N"]               # previous mention of the selected entity
# find = ["/"]                       # find in the brief: type, enter confirms
# find_accept = ["enter"]            # confirm the find being typed
# find_clear = ["esc"]               # drop the find and its marks
# find_next = ["n"]                  # next match of the find (the find owns n/N until cleared)
# find_prev = ["N"]                  # previous match of the find

# The search view (typing goes to the query).
[keys.search_view]
# up = ["up", "ctrl+p"]              # previous result
# down = ["down", "ctrl+n"]          # next result
# page_up = ["pgup"]                 # page of results up
# page_down = ["pgdown"]             # page of results down
# open = ["enter"]                   # read the selected result
# complete = ["tab"]                 # complete the name being typed

# The entities pane.
[keys.entities_pane]
# down = ["j", "down"]               # next entity
# up = ["k", "up"]                   # previous entity
# top = ["g", "home"]                # first entity
# bottom = ["G", "end"]              # last entity
# search = ["enter"]                 # search the briefs naming the entity
# aliases = ["a"]                    # show or hide the entity's aliases
# next_mention = ["n"]               # next mention in the brief
# prev_mention = ["N"]               # previous mention in the brief

# The quotes pane.
[keys.quotes_pane]
# down = ["j", "down"]               # next quote
# up = ["k", "up"]                   # previous quote
# top = ["g", "home"]                # first quote
# bottom = ["G", "end"]              # last quote
`
