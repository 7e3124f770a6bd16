# bash completion for plantrack: commands, options, option values, and item, indicator, area and
# owner ids from the database the command line names (--db), else $PLANTRACK_DB or ./plantrack.db.
# Installed as share/bash-completion/completions/plantrack; or source this file from ~/.bashrc.
_plantrack()
{
    local current=${COMP_WORDS[COMP_CWORD]}
    local candidates
    # The program itself knows its commands and options, so this script never goes out of date.
    candidates=$("${COMP_WORDS[0]}" __complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
    if [ "$candidates" = ":files" ]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$current")
        return 0
    fi
    local IFS=$'\n'
    mapfile -t COMPREPLY < <(compgen -W "$candidates" -- "$current")
}
complete -F _plantrack plantrack
