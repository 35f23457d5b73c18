// my own spot client
