// The PostgreSQL fact, scratch database and temp dir are Engine.Host.Tests' own sources, linked into this project.
global using Engine.Host.Tests;
