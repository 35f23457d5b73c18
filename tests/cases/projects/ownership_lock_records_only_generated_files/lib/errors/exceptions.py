class Mine(Exception):
    pass
