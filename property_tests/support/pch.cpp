// Translation unit that carries the precompiled header shared by the property tests.
