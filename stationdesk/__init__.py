"""StationDesk: the command-room desktop client of a community police station."""

__version__ = "0.1.0"
APP_NAME = "StationDesk"
APP_ID = "org.stationdesk.StationDesk"
