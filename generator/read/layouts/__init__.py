"""Layout decisions every reader shares, whatever the format: what a code looks like,
what a column holds, what a code heading says. Readers (markdown/, html/) call these."""
