#pragma once
int _ra_thing_secret (void);
