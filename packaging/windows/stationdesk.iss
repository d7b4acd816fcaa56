; Inno Setup script for StationDesk (Inno Setup 6.3 or newer).
;
; Build the PyInstaller folder first (dist\stationdesk\ at the repository root),
; then, from the repository root:
;
;   iscc packaging\windows\stationdesk.iss
;
; The installer is written to dist\installer\. Relative paths below are relative
; to this file. This file is UTF-8 with a BOM, which Inno Setup needs for the
; Chinese text.

#define MyAppName "StationDesk"
#define MyAppVersion "0.1.0"
#define MyAppPublisher "StationDesk team"
#define MyAppURL "https://example.org/stationdesk"
#define MyAppExeName "stationdesk.exe"
#define DistDir "..\..\dist\stationdesk"

; Simplified Chinese ships with recent Inno Setup versions; with older ones put
; the translation file (ChineseSimplified.isl, from the Inno Setup translations
; page) next to this script.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: see packaging/README.md
#endif

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it.
AppId={{6E0F3B1C-7A52-4C8E-9D3B-2F5A8C41B7E9}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppVerName={cm:AppDisplayName} {#MyAppVersion}
AppPublisher={#MyAppPublisher}
AppPublisherURL={#MyAppURL}
AppSupportURL={#MyAppURL}
AppUpdatesURL={#MyAppURL}
VersionInfoVersion={#MyAppVersion}
DefaultDirName={autopf}\{#MyAppName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
; Installs for all users of the workstation by default; a user without admin
; rights may choose a per-user install instead.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 (1809) and newer only.
MinVersion=10.0.17763
OutputDir=..\..\dist\installer
OutputBaseFilename=StationDesk-{#MyAppVersion}-setup
#if FileExists(AddBackslash(SourcePath) + "..\..\resources\icons\stationdesk.ico")
SetupIconFile=..\..\resources\icons\stationdesk.ico
#endif
UninstallDisplayIcon={app}\{#MyAppExeName}
UninstallDisplayName={cm:AppDisplayName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
; %TEMP%\Setup Log <date>.txt: what to ask for when an install fails on a station.
SetupLogging=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppDisplayName=警务站指挥台
english.AppDisplayName=StationDesk
chinesesimplified.AppComment=社区派出所的案件、巡逻、调解与交接班
english.AppComment=Open cases, patrols, mediation and shift handover
chinesesimplified.AdminPrompt=警务站指挥台 管理命令行
english.AdminPrompt=StationDesk admin command prompt

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppDisplayName}"; Filename: "{app}\{#MyAppExeName}"; Comment: "{cm:AppComment}"
; A command prompt in the program folder, for `stationdesk-cli backup`, `user add` ...
Name: "{group}\{cm:AdminPrompt}"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && stationdesk-cli --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{cm:AppDisplayName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppDisplayName}"; Filename: "{app}\{#MyAppExeName}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "{cm:LaunchProgram,{cm:AppDisplayName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may leave in its install folder. The station's
; database, settings and logs live in the user's data folders and are kept:
; uninstalling must never delete case records.
Type: filesandordirs; Name: "{app}\__pycache__"
