// mine, with errgen.lock's digest of another text
