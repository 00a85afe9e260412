# bash completion for gangyao (written by: gangyao --completion bash)
_gangyao() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local cmd=analyze i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        analyze|diff|tokens|rules|panel|terms) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    case "$prev" in
    --format|-f)
        if [ "$cmd" = diff ]; then
            COMPREPLY=($(compgen -W "text json html" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "text json csv jsonl html" -- "$cur"))
        fi
        return ;;
    --only)
        local pre="" last="$cur"
        case "$cur" in *,*) pre="${cur%,*},"; last="${cur##*,}" ;; esac
        COMPREPLY=($(compgen -P "$pre" -W "title noise sections tasks targets times warnings" -- "$last"))
        return ;;
    --jobs|-J) return ;;
    --files-from) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --input) COMPREPLY=($(compgen -W "text jsonl" -- "$cur")); return ;;
    --year|-y) return ;;
    --region) return ;;
    --rules|-r) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --encoding) COMPREPLY=($(compgen -W "UTF-8 GB18030 GBK GB2312 BIG5 BIG5-HKSCS UTF-16LE UTF-16BE" -- "$cur")); return ;;
    --max-input) return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --threshold|-t) return ;;
    --term) return ;;
    --terms) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --context) return ;;
    --since) return ;;
    --top) return ;;
    --completion) COMPREPLY=($(compgen -W "bash zsh" -- "$cur")); return ;;
    esac
    if [[ "$cur" == -* ]]; then
        local opts
        case "$cmd" in
        analyze) opts="--format -f --json -j --jsonl --csv --compact --only --jobs -J --files-from --null -0 --input --year -y --region --keep-noise --rules -r --encoding -e --lossy --max-input --color --quiet -q --bom --completion --help -h --version -V" ;;
        diff) opts="--format -f --json -j --compact --year -y --region --keep-noise --rules -r --encoding -e --lossy --max-input --color --quiet -q --threshold -t --all --completion --help -h --version -V" ;;
        tokens) opts="--format -f --json -j --rules -r --encoding -e --lossy --max-input --quiet -q --completion --help -h --version -V" ;;
        rules) opts="--check --dump --completion --help -h --version -V" ;;
        panel) opts="--format -f --json -j --jsonl --csv --compact --jobs -J --files-from --null -0 --input --year -y --region --keep-noise --rules -r --encoding -e --lossy --max-input --quiet -q --bom --completion --help -h --version -V" ;;
        terms) opts="--format -f --json -j --jsonl --csv --compact --jobs -J --files-from --null -0 --input --year -y --region --keep-noise --rules -r --encoding -e --lossy --max-input --quiet -q --bom --term -e --terms --terms-only --context --since --top --completion --help -h --version -V" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if [ "$COMP_CWORD" = 1 ]; then
        COMPREPLY=($(compgen -W "analyze diff tokens rules panel terms" -- "$cur") $(compgen -f -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _gangyao gangyao
