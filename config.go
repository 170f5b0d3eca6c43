package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"briefs/ui/config"
)

func newConfigCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Check the config file, or print the commented default",
		Long: `Print the path of the config file in use and check it: its problems go to standard error,
each with its line, and the exit status is 1 when there are any. With --default, print the
commented default file instead, every setting with its default.`,
		Example: `briefs config
briefs config --default > ~/.config/briefs/config.toml
briefs config --config ~/work.toml`,
		Args: noArgs,
	}
	def := cmd.Flags().Bool("default", false, "print the commented default config file")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if *def {
			return config.WriteDefault(cmd.OutOrStdout())
		}
		flagValue, _ := cmd.Flags().GetString("config")
		p := config.Path(flagValue)
		_, probs, err := config.Load(p)
		if err != nil {
			return configError(p, err)
		}
		fmt.Fprintln(cmd.OutOrStdout(), p)
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			// Load took the missing default file for the defaults: say so,
			// rather than name the file as if it had been read.
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: config: there is no file at %s: the defaults apply ('briefs config --default > %s' writes one)\n", p, p)
		}
		for _, pr := range probs {
			fmt.Fprintln(cmd.ErrOrStderr(), "briefs: config:", pr.String())
		}
		if len(probs) > 0 {
			return exitStatus(exitFailure)
		}
		return nil
	}
	return cmd
}
