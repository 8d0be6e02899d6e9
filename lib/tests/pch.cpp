// Translation unit that carries the precompiled header shared by the unit tests.
