#pragma once
int ra_thing (void);
